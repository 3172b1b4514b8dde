using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;

namespace Ingestion.IntegrationTests;

/// <summary>Feeds the indexer directly: ArticleEnriched (and ArticleRejected) messages published on the pipeline's MassTransit
/// bus.</summary>
public static class IndexerMessages
{
    public static ArticleEnriched Article(string id, string title, string body, DateTimeOffset? published, string language = "en",
        string source = "Test Desk", string? description = null, int revision = 1, params (string Name, string Type)[] entities) =>
        new(new CleanedArticle(id, revision, $"https://news.example.invalid/{id}", title, ["A. Reporter"], published, null, language,
                null, null, description, null, body.Split("\n\n"), new SourceRef("folder", source, "/test"), DateTimeOffset.UtcNow),
            new Enrichment(language, entities.Select(e => new Entity(e.Name, e.Type, 1, [])).ToList(), [], [],
                body.Split('.')[0] + ".", body.Split(' ').Length, 1, "0000000000000000", null),
            DateTimeOffset.UtcNow);

    /// <summary>Publishes <paramref name="articles"/> (distinct ids) to a pipeline whose index is empty, and waits until all are
    /// indexed.</summary>
    public static async Task IndexAsync(TestPipeline pipeline, IReadOnlyList<ArticleEnriched> articles)
    {
        await PublishAsync(pipeline, articles);
        await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == articles.Count,
            TimeSpan.FromSeconds(90), $"{articles.Count} articles indexed");
    }

    /// <summary>Publishes as the enricher does: to the ArticleEnriched exchange, which the indexer's queue ("indexer") is bound
    /// to.</summary>
    public static async Task PublishAsync(TestPipeline pipeline, IEnumerable<ArticleEnriched> messages) =>
        await (await pipeline.BusAsync()).PublishAllAsync(messages);

    /// <summary>Publishes rejections as the cleaner and the fetcher do: the indexer's rejection log ("indexer-rejections") takes
    /// them.</summary>
    public static async Task PublishAsync(TestPipeline pipeline, IEnumerable<ArticleRejected> messages) =>
        await (await pipeline.BusAsync()).PublishAllAsync(messages);
}
