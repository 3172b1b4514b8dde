using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

public class AtomParserTests
{
    private const string Atom10 = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US" xml:base="https://blog.example.org/">
          <title type="html">Example &lt;i&gt;Blog&lt;/i&gt;</title>
          <subtitle>Notes</subtitle>
          <link rel="self" href="/atom.xml"/>
          <link href="/"/>
          <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
          <updated>2003-12-13T18:30:02Z</updated>
          <author><name>Feed Author</name></author>
          <entry>
            <title>Atom-Powered Robots Run Amok</title>
            <link rel="edit" href="/edit/1"/>
            <link rel="alternate" type="application/json" href="/api/1"/>
            <link rel="alternate" type="text/html" href="2003/12/13/atom03"/>
            <link rel="enclosure" type="image/png" href="/img/robot.png"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <published>2003-12-13T08:29:29-04:00</published>
            <updated>2003-12-13T18:30:02Z</updated>
            <author><name>John Doe</name><email>john@example.com</email></author>
            <author><name>Mary Major</name></author>
            <category term="robots" label="Robots"/>
            <summary>Some &lt;text&gt;.</summary>
            <content type="xhtml" xml:base="https://cdn.example.org/posts/">
              <div xmlns="http://www.w3.org/1999/xhtml"><p>This is <a href="more.html" onclick="x()">the</a> content.</p><script>bad()</script></div>
            </content>
          </entry>
          <entry xml:lang="de">
            <title type="text">Second</title>
            <link href="https://blog.example.org/second"/>
            <id>tag:example.org,2003:2</id>
            <updated>2003-12-14T10:00:00+01:00</updated>
            <summary type="html">&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</summary>
          </entry>
        </feed>
        """;

    [Fact]
    public void ReadsFeed()
    {
        var feed = Parse(Atom10);
        Assert.Equal("atom", feed.Kind);
        Assert.Equal("atom10", feed.Version);
        Assert.Equal("Example Blog", feed.Title);
        Assert.Equal("https://blog.example.org/", feed.Link);
        Assert.Equal("en-US", feed.Language);
        Assert.Equal("Notes", feed.Subtitle);
        Assert.Equal(Utc(2003, 12, 13, 18, 30, 2), feed.Updated);
        Assert.Null(feed.TtlMinutes);
        Assert.Equal(2, feed.Items.Count);
    }

    [Fact]
    public void ReadsEntry()
    {
        var entry = Parse(Atom10).Items[0];
        Assert.Equal("https://blog.example.org/2003/12/13/atom03", entry.Link);
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", entry.Info.Id);
        Assert.Equal("Atom-Powered Robots Run Amok", entry.Info.Title);
        Assert.Equal(Utc(2003, 12, 13, 12, 29, 29), entry.Info.Published);
        Assert.Equal(Utc(2003, 12, 13, 18, 30, 2), entry.Info.Updated);
        Assert.Equal(["John Doe", "Mary Major"], entry.Info.Authors);
        Assert.Equal(["robots"], entry.Info.Categories);
        Assert.Equal("Some &lt;text&gt;.", entry.Info.Summary);
        Assert.Equal("<p>This is <a href=\"https://cdn.example.org/posts/more.html\">the</a> content.</p>", entry.ContentHtml);
        Assert.Equal("https://blog.example.org/img/robot.png", entry.Info.ImageUrl);
        Assert.Equal("en-US", entry.Info.Language);
    }

    [Fact]
    public void EntryInheritsFeedAuthorAndUsesItsOwnLanguage()
    {
        var entry = Parse(Atom10).Items[1];
        Assert.Equal(["Feed Author"], entry.Info.Authors);
        Assert.Equal("de", entry.Info.Language);
        Assert.Null(entry.Info.Published);
        Assert.Equal(Utc(2003, 12, 14, 9), entry.Info.Updated);
        Assert.Equal("<p>Hello <b>world</b></p>", entry.Info.Summary);
    }

    [Fact]
    public void Atom03()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title mode="escaped" type="text/html">Old &lt;b&gt;Atom&lt;/b&gt;</title>
              <link rel="alternate" type="text/html" href="http://example.org/"/>
              <tagline>Tagline</tagline>
              <modified>2003-12-13T18:30:02Z</modified>
              <entry>
                <title>Entry</title>
                <link rel="alternate" type="text/html" href="http://example.org/2003/12/13/atom03"/>
                <id>tag:example.org,2003:3.2397</id>
                <issued>2003-12-13T08:29:29-04:00</issued>
                <modified>2003-12-13T18:30:02Z</modified>
                <author><name>Mark</name></author>
                <summary type="text/plain">Plain</summary>
                <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></content>
              </entry>
            </feed>
            """);
        Assert.Equal("atom03", feed.Version);
        Assert.Equal("Old Atom", feed.Title);
        Assert.Equal("Tagline", feed.Subtitle);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("http://example.org/2003/12/13/atom03", entry.Link);
        Assert.Equal(Utc(2003, 12, 13, 12, 29, 29), entry.Info.Published);
        Assert.Equal(Utc(2003, 12, 13, 18, 30, 2), entry.Info.Updated);
        Assert.Equal("Plain", entry.Info.Summary);
        // Atom 0.3 has no "xhtml" wrapper div: the div is part of the content (Atom 1.0 type="xhtml" drops it).
        Assert.Equal("<div><p>Hi</p></div>", entry.ContentHtml);
        Assert.Equal("application/xhtml+xml", entry.ContentDetail?.Type);
        Assert.Equal("text/plain", entry.SummaryDetail?.Type);
        Assert.Equal("text/html", feed.TitleDetail?.Type);
    }

    [Fact]
    public void Base64ContentIn03()
    {
        var encoded = Convert.ToBase64String("<p>decoded</p>"u8.ToArray());
        var feed =
            Parse($"""<feed xmlns="http://purl.org/atom/ns#"><entry><content type="text/html" mode="base64">{encoded}</content></entry></feed>""");
        Assert.Equal("<p>decoded</p>", feed.Items[0].ContentHtml);
    }

    [Fact]
    public void MediaThumbnailInEntry()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
              <entry><link href="https://v.example/1"/><media:group><media:thumbnail url="https://i.example/1.jpg"/></media:group></entry>
            </feed>
            """);
        Assert.Equal("https://i.example/1.jpg", feed.Items[0].Info.ImageUrl);
    }

    [Fact]
    public void EntryWithoutLinkIsLinkedByItsIdOnlyWhenTheIdIsAWebUrl()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>https://example.org/posts/1</id><link rel="self" href="https://example.org/api/1"/></entry>
              <entry><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa60</id></entry>
            </feed>
            """);
        Assert.Equal("https://example.org/posts/1", feed.Items[0].Link);
        Assert.False(feed.Items[1].HasLink);
    }
}
