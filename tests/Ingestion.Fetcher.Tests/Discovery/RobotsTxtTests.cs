using Ingestion.Fetcher.Domain.Robots;

namespace Ingestion.Fetcher.Tests.Discovery;

public class RobotsTxtTests
{
    private const string Text = """
        # comment
        User-agent: OtherBot
        Disallow: /

        User-agent: IngestionFetcher
        User-agent: SomeoneElse
        Disallow: /private/
        Allow: /private/open$
        Disallow: /*.pdf$
        Crawl-delay: 2.5

        User-agent: *
        Disallow: /everyone-but-us/

        Sitemap: https://example.org/sitemap.xml
        sitemap: /relative-sitemap.xml
        """;

    [Theory]
    [InlineData("https://example.org/", true)]
    [InlineData("https://example.org/private/page", false)]
    [InlineData("https://example.org/private/open", true)]
    [InlineData("https://example.org/private/open/more", false)]
    [InlineData("https://example.org/docs/file.pdf", false)]
    [InlineData("https://example.org/docs/file.pdf?x=1", true)]
    [InlineData("https://example.org/everyone-but-us/x", true)]
    [InlineData("https://example.org/robots.txt", true)]
    public void Our_group_applies_with_longest_match(string url, bool allowed)
    {
        var robots = RobotsTxt.Parse(Text, "IngestionFetcher/1.0 (+https://example.org/bot)");
        Assert.Equal(allowed, robots.IsAllowed(new Uri(url)));
    }

    [Fact]
    public void Crawl_delay_and_sitemaps_are_read()
    {
        var robots = RobotsTxt.Parse(Text, "IngestionFetcher/1.0");
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
        Assert.Equal(["https://example.org/sitemap.xml", "/relative-sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void Star_group_applies_when_no_group_names_us()
    {
        var robots = RobotsTxt.Parse(Text, "UnknownBot/2");
        Assert.False(robots.IsAllowed(new Uri("https://example.org/everyone-but-us/x")));
        Assert.True(robots.IsAllowed(new Uri("https://example.org/private/page")));
        Assert.Null(robots.CrawlDelay);
    }

    [Fact]
    public void Empty_disallow_allows_everything_and_unreachable_disallows_everything()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:\n", "x").IsAllowed(new Uri("https://example.org/a")));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed(new Uri("https://example.org/a")));
        Assert.True(RobotsTxt.AllowAll.IsAllowed(new Uri("https://example.org/a")));
    }

    [Fact]
    public void Sitemaps_to_follow_are_this_hosts_own_absolute_unique_and_bounded()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /private/
            Sitemap: https://example.org/news-sitemap.xml
            Sitemap: /sitemap-index.xml
            Sitemap: https://example.org/news-sitemap.xml
            Sitemap: https://cdn.other.example/sitemap.xml
            Sitemap: ftp://example.org/sitemap.xml
            Sitemap: https://EXAMPLE.org/archive.xml#part
            Sitemap: https://example.org/fifth.xml
            """, "IngestionFetcher/1.0");
        var site = new Uri("https://example.org/");
        Assert.Equal(["https://example.org/news-sitemap.xml", "https://example.org/sitemap-index.xml", "https://example.org/archive.xml",
            "https://example.org/fifth.xml"], robots.SitemapsOf(site, 10));
        Assert.Equal(["https://example.org/news-sitemap.xml", "https://example.org/sitemap-index.xml"], robots.SitemapsOf(site, 2));
        Assert.Empty(robots.SitemapsOf(site, 0));
        Assert.Empty(RobotsTxt.AllowAll.SitemapsOf(site, 5));
    }
}
