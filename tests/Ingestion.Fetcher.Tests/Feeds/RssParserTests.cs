using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

public class RssParserTests
{
    private const string Rss20 = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>Example &amp; Co News</title>
            <link>https://news.example.com/</link>
            <description>All the news</description>
            <language>en-gb</language>
            <ttl>15</ttl>
            <lastBuildDate>Tue, 02 Jan 2024 10:00:00 GMT</lastBuildDate>
            <atom:link rel="self" href="https://news.example.com/rss" />
            <item>
              <title>Ministers meet &lt;b&gt;today&lt;/b&gt;</title>
              <link>https://news.example.com/world/ministers-meet</link>
              <guid isPermaLink="false">story-1</guid>
              <pubDate>Tue, 02 Jan 2024 09:30:00 +0100</pubDate>
              <author>desk@example.com (Jane Doe)</author>
              <dc:creator>John Roe</dc:creator>
              <category>World</category>
              <category>Politics</category>
              <description><![CDATA[<p onclick="evil()">Ministers <b>met</b>.</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>]]></description>
              <content:encoded><![CDATA[<p>Full <em>text</em> <img src="/img/a.jpg"></p>]]></content:encoded>
              <enclosure url="https://cdn.example.com/a.jpg" type="image/jpeg" length="1000" />
            </item>
            <item>
              <title>Second</title>
              <guid>https://news.example.com/second</guid>
              <dc:date>2024-01-01T08:00:00-05:00</dc:date>
              <media:content url="https://cdn.example.com/b.png" medium="image" />
            </item>
            <item>
              <title>Third</title>
              <link>/local/third</link>
              <media:thumbnail url="https://cdn.example.com/c.jpg" />
            </item>
          </channel>
        </rss>
        """;

    [Fact]
    public void ReadsChannel()
    {
        var feed = Parse(Rss20);
        Assert.Equal("rss", feed.Kind);
        Assert.Equal("rss20", feed.Version);
        Assert.Equal("Example & Co News", feed.Title);
        Assert.Equal("https://news.example.com/", feed.Link);
        Assert.Equal("en-gb", feed.Language);
        Assert.Equal(15, feed.TtlMinutes);
        Assert.Equal("All the news", feed.Subtitle);
        Assert.Equal(Utc(2024, 1, 2, 10), feed.Updated);
        Assert.Equal("utf-8", feed.Encoding);
        Assert.Equal(3, feed.Items.Count);
    }

    [Fact]
    public void ReadsItemFields()
    {
        var item = Parse(Rss20).Items[0];
        Assert.Equal("https://news.example.com/world/ministers-meet", item.Link);
        Assert.Equal("story-1", item.Info.Id);
        Assert.Equal("Ministers meet today", item.Info.Title);
        Assert.Equal(Utc(2024, 1, 2, 8, 30), item.Info.Published);
        Assert.Equal(["Jane Doe", "John Roe"], item.Info.Authors);
        Assert.Equal(["World", "Politics"], item.Info.Categories);
        Assert.Equal("https://cdn.example.com/a.jpg", item.Info.ImageUrl);
        Assert.Equal("en-gb", item.Info.Language);
    }

    [Fact]
    public void SanitizesSummaryAndContent()
    {
        var item = Parse(Rss20).Items[0];
        Assert.Equal("<p>Ministers <b>met</b>.</p><a>x</a>", item.Info.Summary);
        Assert.Equal("<p>Full <em>text</em> <img src=\"https://example.com/img/a.jpg\" /></p>", item.ContentHtml);
    }

    [Fact]
    public void PermalinkGuidIsTheLinkWhenThereIsNoLink()
    {
        var item = Parse(Rss20).Items[1];
        Assert.Equal("https://news.example.com/second", item.Link);
        Assert.Equal(Utc(2024, 1, 1, 13), item.Info.Published);
        Assert.Equal("https://cdn.example.com/b.png", item.Info.ImageUrl);
    }

    [Fact]
    public void RelativeLinksResolveAgainstTheFeedUrl()
    {
        var item = Parse(Rss20).Items[2];
        Assert.Equal("https://example.com/local/third", item.Link);
        Assert.Equal("https://cdn.example.com/c.jpg", item.Info.ImageUrl);
        Assert.Empty(item.Info.Authors);
        Assert.Null(item.Info.Published);
    }

    [Fact]
    public void NonPermalinkGuidIsNotALink()
    {
        var feed = Parse("""<rss version="2.0"><channel><item><guid isPermaLink="false">https://e.com/x</guid></item></channel></rss>""");
        Assert.False(feed.Items[0].HasLink);
        Assert.Equal("https://e.com/x", feed.Items[0].Info.Id);
    }

    [Fact]
    public void Rss091WithNetscapeDoctype()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><language>de</language>
            <item><title>A</title><link>http://old.example.com/a</link><description>Text</description></item>
            </channel></rss>
            """);
        Assert.Equal("rss091n", feed.Version);
        Assert.Equal("de", feed.Items[0].Info.Language);
        Assert.Equal("http://old.example.com/a", feed.Items[0].Link);
        Assert.Equal("Text", feed.Items[0].Info.Summary);
    }

    [Fact]
    public void Rss10Rdf()
    {
        var feed = Parse("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://example.org/"><title>RDF site</title><link>http://example.org/</link><dc:language>fr</dc:language></channel>
              <item rdf:about="http://example.org/1"><title>One</title><link>http://example.org/1</link>
                <dc:date>2004-07-08T23:56:58+02:00</dc:date><dc:creator>Marie</dc:creator><dc:subject>Tech</dc:subject></item>
              <item rdf:about="http://example.org/2"><title>Two</title></item>
            </rdf:RDF>
            """);
        Assert.Equal("rss10", feed.Version);
        Assert.Equal("RDF site", feed.Title);
        Assert.Equal("fr", feed.Language);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(Utc(2004, 7, 8, 21, 56, 58), feed.Items[0].Info.Published);
        Assert.Equal(["Marie"], feed.Items[0].Info.Authors);
        Assert.Equal(["Tech"], feed.Items[0].Info.Categories);
        Assert.Equal("http://example.org/2", feed.Items[1].Link); // from rdf:about
    }

    [Fact]
    public void Rss090()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
              <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
            </rdf:RDF>
            """);
        Assert.Equal("rss090", feed.Version);
        Assert.Equal("http://www.mozilla.org/status/", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void XmlBaseResolvesRelativeLinks()
    {
        var feed = Parse("""
            <rss version="2.0" xml:base="http://base.example.org/dir/"><channel><item xml:base="sub/">
              <link>page.html</link></item></channel></rss>
            """);
        Assert.Equal("http://base.example.org/dir/sub/page.html", feed.Items[0].Link);
    }

    [Fact]
    public void SyndicationModuleGivesTtl()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>
            <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel></rss>
            """);
        Assert.Equal(15, feed.TtlMinutes);
    }

    [Fact]
    public void UndeclaredWellKnownPrefixesAreRead()
    {
        var feed =
            Parse("""<rss version="2.0"><channel><item><title>t</title><dc:creator>Ann</dc:creator><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>""");
        Assert.Equal(["Ann"], feed.Items[0].Info.Authors);
        Assert.Equal("<p>x</p>", feed.Items[0].ContentHtml);
    }

    [Fact]
    public void HtmlEntitiesAndBareAmpersandsAreRepaired()
    {
        var feed =
            Parse("""<rss version="2.0"><channel><title>AT&T&nbsp;news &eacute;t&eacute;</title><item><title>Q&A</title><description><![CDATA[a &amp; b]]></description></item></channel></rss>""");
        Assert.Equal("AT&T news été", feed.Title);
        Assert.Equal("Q&A", feed.Items[0].Info.Title);
        Assert.Equal("a &amp; b", feed.Items[0].Info.Summary);
        Assert.NotEmpty(feed.Repairs);
    }

    [Fact]
    public void NakedMarkupInDescriptionIsKept()
    {
        var feed =
            Parse("""<rss version="2.0"><channel><item><description><p>Example <i>description</i></p></description></item></channel></rss>""");
        Assert.Equal("<p>Example <i>description</i></p>", feed.Items[0].Info.Summary);
    }

    [Fact]
    public void CommonBreakagesAreRepaired()
    {
        var feed = Parse("<!-- comment first -->\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>&#X41;"
            + "BC</title><item><link>http://e.com/?a=1&b=2</link></item></channel></rss");
        Assert.Equal("ABC", feed.Title);
        Assert.Equal("http://e.com/?a=1&b=2", feed.Items[0].Link);
        Assert.Equal(4, feed.Repairs.Count);
    }
}
