using System.Text;
using Ingestion.Cleaner.Domain;
using Ingestion.Contracts;

namespace Ingestion.Cleaner.Tests;

/// <summary>Builders for extractor inputs.</summary>
internal static class Pages
{
    public static readonly ArticleExtractor Extractor = new();

    public static ExtractionResult Text(string text, FeedItemInfo? item = null, string url = "file:///seeds/x.txt") =>
        Extractor.Extract(new PageInput(Encoding.UTF8.GetBytes(text), "text/plain", "utf-8", url, item));

    public static ExtractionResult Html(string html, string url = "https://news.example.com/world/story", FeedItemInfo? item = null) =>
        Extractor.Extract(new PageInput(Encoding.UTF8.GetBytes(html), "text/html", null, url, item));

    public static FeedItemInfo Item(string? title = null, DateTimeOffset? published = null, params string[] authors) =>
        new(null, title, published, null, authors, [], null, null, null);

    /// <summary>A paragraph of ordinary prose, distinct for each seed number.</summary>
    public static string Prose(int n, int sentences = 3)
    {
        var topics = new[] { "the harbour project", "the new rail line", "the water board", "the city budget", "the school plan",
            "the bridge repair", "the forest survey", "the port authority", "the library extension", "the power station" };
        var sb = new StringBuilder();
        for (var i = 0; i < sentences; i++)
        {
            var topic = topics[(n + i) % topics.Length];
            sb.Append($"Officials said on day {n * 10 + i} that {topic} would need another review, and residents asked for clearer answers about cost number {n}{i}. ");
        }
        return sb.ToString().Trim();
    }

    public static ExtractedArticle Accepted(this ExtractionResult result)
    {
        Assert.False(result.IsRejected, $"rejected: {result.RejectReason}: {result.RejectDetail}");
        return result.Article!;
    }
}
