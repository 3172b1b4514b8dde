using System.IO.Compression;
using System.Text;
using Ingestion.Fetcher.Domain.Feeds;
using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

public class SitemapParserTests
{
    private const string NewsSitemapXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
                xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
          <url>
            <loc>https://www.example.org/business/article55.html</loc>
            <lastmod>2008-12-23T10:00:00+01:00</lastmod>
            <news:news>
              <news:publication><news:name>The Example Times</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2008-12-23</news:publication_date>
              <news:title>Companies A, B in Merger Talks</news:title>
              <news:keywords>business, merger</news:keywords>
            </news:news>
            <image:image><image:loc>https://www.example.org/img/55.jpg</image:loc></image:image>
          </url>
          <url><loc>
              https://www.example.org/plain.html
          </loc></url>
          <url><lastmod>2020-01-01</lastmod></url>
        </urlset>
        """;

    [Fact]
    public void NewsSitemap()
    {
        var feed = Parse(NewsSitemapXml);
        Assert.Equal("sitemap", feed.Kind);
        Assert.Equal(2, feed.Items.Count); // a <url> without <loc> is skipped
        var first = feed.Items[0];
        Assert.Equal("https://www.example.org/business/article55.html", first.Link);
        Assert.Equal("Companies A, B in Merger Talks", first.Info.Title);
        Assert.Equal(Utc(2008, 12, 23), first.Info.Published);
        Assert.Equal(Utc(2008, 12, 23, 9), first.Info.Updated);
        Assert.Equal("en", first.Info.Language);
        Assert.Equal("The Example Times", first.PublicationName);
        Assert.Equal(["business", "merger"], first.Info.Categories);
        Assert.Equal("https://www.example.org/img/55.jpg", first.Info.ImageUrl);
        Assert.Equal("https://www.example.org/plain.html", feed.Items[1].Link);
    }

    [Fact]
    public void SitemapIndexListsChildSitemaps()
    {
        var feed = Parse("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>http://www.example.com/sitemap1.xml.gz</loc><lastmod>2004-10-01T18:23:17+00:00</lastmod></sitemap>
              <sitemap><loc>http://www.example.com/sitemap2.xml.gz</loc></sitemap>
              <sitemap>
                https://example.com/sitemap.jss?portalCode=2&amp;lang=en
              </sitemap>
            </sitemapindex>
            """);
        Assert.Equal("sitemapindex", feed.Kind);
        Assert.Equal(
            ["http://www.example.com/sitemap1.xml.gz", "http://www.example.com/sitemap2.xml.gz",
                "https://example.com/sitemap.jss?portalCode=2&lang=en"],
            feed.Items.Select(i => i.Link));
        Assert.Equal(Utc(2004, 10, 1, 18, 23, 17), feed.Items[0].Info.Updated);
    }

    [Fact]
    public void WrongNamespaceIsReadLeniently()
    {
        var feed =
            Parse("""<urlset xmlns="http://www.google.com/schemas/sitemap/0.9"><url><loc>http://www.example.com/1</loc></url></urlset>""");
        Assert.Equal("http://www.example.com/1", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void GzipBodyIsRecognisedByMagicBytes()
    {
        var xml =
            Encoding.UTF8.GetBytes("""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://e.com/a</loc></url><url><loc>http://e.com/b</loc></url></urlset>""");
        var feed = FeedParser.Parse(Gzip(xml), "application/x-gzip", null, "http://e.com/sitemap.xml.gz");
        Assert.Equal(2, feed.Items.Count);
    }

    [Fact]
    public void PlainTextSitemap()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("http://www.domain.com/page1.html\r\n\r\n# "
            + "comment\nhttp://www.domain.com/page2.html\n")).ToArray();
        var feed = FeedParser.Parse(body, "text/plain", null, null);
        Assert.Equal("sitemap", feed.Kind);
        Assert.Equal("sitemap-text", feed.Version);
        Assert.Equal(["http://www.domain.com/page1.html", "http://www.domain.com/page2.html"], feed.Items.Select(i => i.Link));
    }

    [Fact]
    public void GzippedTextSitemap()
    {
        var feed = FeedParser.Parse(Gzip(Encoding.ASCII.GetBytes("https://e.com/1\nhttps://e.com/2\n")), null, null, null);
        Assert.Equal(2, feed.Items.Count);
    }

    [Fact]
    public void RssDeclaringTheSitemapNamespaceIsStillRss()
    {
        var feed = Parse("""
            <rss xmlns:sitemap="http://www.sitemaps.org/schemas/sitemap/0.9" version="2.0"><channel>
            <item><link>https://example.com/lorem/123</link><sitemap:priority>0.5</sitemap:priority></item></channel></rss>
            """);
        Assert.Equal("rss", feed.Kind);
        Assert.Single(feed.Items);
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return output.ToArray();
    }
}
