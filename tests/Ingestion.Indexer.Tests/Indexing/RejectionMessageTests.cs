using System.Text.Json;
using Ingestion.Contracts;

namespace Ingestion.Indexer.Tests.Indexing;

/// <summary>ArticleRejected gained what the refused page said about itself; messages written before that still read.</summary>
public sealed class RejectionMessageTests
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void An_older_rejection_without_the_page_fields_still_reads()
    {
        const string older = """
            {"articleId":"a1","revision":2,"url":"https://x.example/a","stage":"cleaner","reason":"empty",
             "detail":"the page holds no readable text","rejectedAt":"2024-03-04T10:00:00+00:00"}
            """;
        var r = JsonSerializer.Deserialize<ArticleRejected>(older, Web)!;
        Assert.Equal(("a1", 2, "empty"), (r.ArticleId, r.Revision, r.Reason));
        Assert.Null(r.Title);
        Assert.Null(r.Published);
        Assert.Null(r.Language);
    }

    [Fact]
    public void The_page_fields_round_trip()
    {
        var r = new ArticleRejected("a1", 1, "https://x.example/a", "cleaner", "not-an-article", "short", DateTimeOffset.UnixEpoch,
            Title: "Ferry timetable", Published: new DateTimeOffset(2024, 3, 4, 8, 30, 0, TimeSpan.Zero), Language: "sv");
        Assert.Equal(r, JsonSerializer.Deserialize<ArticleRejected>(JsonSerializer.Serialize(r, Web), Web));
    }
}
