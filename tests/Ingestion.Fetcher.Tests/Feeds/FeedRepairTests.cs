using System.Text;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Fetcher.Tests.Feeds;

public class FeedRepairTests
{
    [Fact]
    public void A_mismatched_end_tag_is_closed_and_reported()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Feed title</subtitle>
              <entry><title>One</title><link href="https://example.org/1"/></entry>
            </feed>
            """;
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null, null);
        Assert.Equal("Feed title", feed.Title);
        Assert.Single(feed.Items);
        Assert.Contains(feed.Repairs, r => r.Contains("</subtitle>"));
    }

    [Fact]
    public void C1_controls_are_read_as_windows_1252()
    {
        const string xml = """
            <?xml version="1.0" encoding="iso-8859-1"?>
            <rss version="2.0"><channel><title>t</title><item><title>don&#146;t</title><link>https://example.org/1</link></item></channel></rss>
            """;
        var feed = FeedParser.Parse(Encoding.Latin1.GetBytes(xml), null, null, null);
        Assert.Equal("don\u2019t", feed.Items[0].Info.Title);
    }

    [Fact]
    public void Enclosures_people_rights_and_links_travel_on()
    {
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>F</title><rights>© Example</rights>
              <author><name>Ann</name><email>ann@example.org</email></author>
              <entry><title>One</title>
                <link href="https://example.org/1"/><link rel="enclosure" type="audio/mpeg" length="42" href="https://example.org/1.mp3"/>
                <author><name>Bob</name><uri>https://example.org/bob</uri></author>
                <source><title>Original</title></source>
              </entry>
            </feed>
            """;
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, null, null);
        Assert.Equal("© Example", feed.Rights);
        Assert.Equal(new FeedPerson("Ann", "ann@example.org", null), feed.Authors[0]);
        var item = feed.Items[0];
        Assert.Equal([new FeedEnclosure("https://example.org/1.mp3", "audio/mpeg", "42")], item.Enclosures);
        Assert.Equal(new FeedPerson("Bob", null, "https://example.org/bob"), item.AuthorDetails[0]);
        Assert.Equal(["alternate", "enclosure"], item.Links.Select(l => l.Rel));
        Assert.Equal("Original", item.Source?.Title);
    }
}
