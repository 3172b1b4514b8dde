using Ingestion.Fetcher.Domain.Discovery;

namespace Ingestion.Fetcher.Tests.Discovery;

public class FeedLinkFinderTests
{
    [Fact]
    public void Alternate_feed_links_are_found_in_order_and_resolved()
    {
        const string html = """
            <html><head>
            <link rel="stylesheet" href="/a.css">
            <link rel="alternate" type="application/rss+xml" title="Main" href="/feed.xml">
            <link rel="alternate" hreflang="de" href="/de/">
            <link rel="Alternate" type="application/atom+xml" href="https://other.example/atom">
            <link rel="alternate" type="application/feed+json" href="feed.json">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            </head><body></body></html>
            """;
        var links = FeedLinkFinder.Find(html, "https://example.org/section/page.html");
        Assert.Equal(["https://example.org/feed.xml", "https://other.example/atom", "https://example.org/section/feed.json"],
            links.Select(l => l.Url));
        Assert.Equal("Main", links[0].Title);
        Assert.Equal("/feed.xml", links[0].Href);
        Assert.Equal("application/atom+xml", links[1].Type);
    }

    [Fact]
    public void A_page_without_feed_links_gives_none()
    {
        Assert.Empty(FeedLinkFinder.Find("<p>no head at all", "https://example.org/"));
    }
}
