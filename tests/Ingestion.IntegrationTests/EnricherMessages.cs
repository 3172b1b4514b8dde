using System.Collections.Concurrent;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using MassTransit;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Feeds the enricher directly and watches what comes out of the pipeline, on a MassTransit bus of its own in the
/// test's virtual host: publishes <see cref="ArticleCleaned"/> as the cleaner does, and collects every
/// <see cref="ArticleEnriched"/> and <see cref="ArticleIndexed"/> published there through a temporary endpoint (a queue
/// deleted with the bus) subscribed to both. Create it after the enricher and the indexer have started.
/// </summary>
public sealed class EnricherMessages : IAsyncDisposable
{
    readonly ConcurrentQueue<ArticleEnriched> enriched = new();
    readonly ConcurrentQueue<ArticleIndexed> indexed = new();
    TestBus? bus;

    EnricherMessages() { }

    public IReadOnlyList<ArticleEnriched> Enriched => enriched.ToArray();
    public IReadOnlyList<ArticleIndexed> Indexed => indexed.ToArray();

    public static async Task<EnricherMessages> ConnectAsync(LocalServers servers, TestPipeline pipeline)
    {
        var tap = new EnricherMessages();
        tap.bus = await TestBus.StartAsync(servers.RabbitHost, servers.RabbitPort, pipeline.VirtualHost, cfg =>
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
            {
                e.Handler<ArticleEnriched>(context =>
                {
                    tap.enriched.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                e.Handler<ArticleIndexed>(context =>
                {
                    tap.indexed.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            }));
        return tap;
    }

    /// <summary>Publishes one cleaned article as the cleaner would (mandatory: a queue must take it).</summary>
    public Task PublishAsync(CleanedArticle article) => bus!.PublishAsync(new ArticleCleaned(article, DateTimeOffset.UtcNow));

    /// <summary>Waits for the <paramref name="nth"/> (1-based) ArticleIndexed of an article revision, and the ArticleEnriched before
    /// it.</summary>
    public async Task<(ArticleEnriched Enriched, ArticleIndexed Indexed)> WaitForAsync(TestPipeline pipeline, string articleId,
        int revision,
        int nth = 1, TimeSpan? timeout = null)
    {
        await pipeline.WaitUntilAsync(() => Task.FromResult(
                IndexedOf(articleId, revision).Count >= nth && EnrichedOf(articleId, revision).Count >= nth),
            timeout ?? TimeSpan.FromSeconds(60), $"ArticleEnriched and ArticleIndexed #{nth} of {articleId} r{revision}");
        return (EnrichedOf(articleId, revision)[nth - 1], IndexedOf(articleId, revision)[nth - 1]);
    }

    public List<ArticleEnriched> EnrichedOf(string articleId, int revision) =>
        enriched.Where(m => m.Article.ArticleId == articleId && m.Article.Revision == revision).ToList();

    public List<ArticleIndexed> IndexedOf(string articleId, int revision) =>
        indexed.Where(m => m.ArticleId == articleId && m.Revision == revision).ToList();

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.DisposeAsync();
    }
}
