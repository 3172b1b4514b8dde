using Ingestion.Fetcher.Domain.Seeds;

namespace Ingestion.Fetcher.Tests.Discovery;

public class FeedSeedsTests
{
    [Fact]
    public void Commented_example_means_no_feeds()
    {
        const string json = """
            // feeds to poll
            { "feeds": [
              // { "url": "https://example.org/rss.xml", "name": "Example" },
            ] }
            """;
        Assert.Empty(FeedSeeds.Parse(json, "feeds.json"));
    }

    [Fact]
    public void Objects_and_plain_urls_are_read()
    {
        var feeds = FeedSeeds.Parse("""[{"url": "https://example.org/a.xml", "name": "A"}, "http://example.org/b.xml",]""", "f");
        Assert.Equal([new FeedSeed("https://example.org/a.xml", "A"), new FeedSeed("http://example.org/b.xml", null)], feeds);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"feeds": {"url": "https://example.org"}}""", "expected")]
    [InlineData("""[{"name": "no url"}]""", "absolute http(s)")]
    [InlineData("""["file:///etc/passwd"]""", "absolute http(s)")]
    public void A_bad_file_is_refused_with_the_reason(string json, string reason)
    {
        var e = Assert.Throws<FormatException>(() => FeedSeeds.Parse(json, "seeds/feeds.json"));
        Assert.Contains(reason, e.Message);
        Assert.Contains("seeds/feeds.json", e.Message);
    }
}
