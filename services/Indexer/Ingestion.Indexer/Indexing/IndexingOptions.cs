using Ingestion.Hosting.Telemetry;

namespace Ingestion.Indexer.Indexing;

/// <summary>How the indexer gathers consumed messages into write batches. Section <c>Indexer</c>.</summary>
public sealed class IndexingOptions
{
    /// <summary>Batches written at once, each in its own connection and transaction.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>Most messages in one batch (one transaction).</summary>
    public int MaxBatch { get; set; } = 250;

    /// <summary>
    /// Messages the indexer's endpoint takes from RabbitMQ and consumes at once (its prefetch count and concurrent message
    /// limit): what the writers can gather into batches while a backlog drains.
    /// </summary>
    public int InFlight { get; set; } = 500;

    /// <summary>A batch of at least this many messages is a backlog being drained (see <see cref="BulkPendingListKb"/>).</summary>
    public int BulkBatch { get; set; } = 100;

    /// <summary>
    /// PostgreSQL's <c>gin_pending_list_limit</c> (kB) for a backlog's batches, for an import nobody searches meanwhile:
    /// new index entries gather in each GIN index's pending list up to this size before they are merged into the index,
    /// which costs less per article the more are merged at once, but every search reads the whole list (with 64 MB,
    /// some searches took 0.8 s). The first smaller batch after the backlog merges the list (it writes with the
    /// server's limit, 4 MB by default). 0 (the default) keeps the server's limit for every batch.
    /// </summary>
    public int BulkPendingListKb { get; set; }

    /// <summary>The service's <see cref="IndexBatcher"/> over <see cref="ArticleIndex"/>, with these options.</summary>
    public static IndexBatcher Batcher(IServiceProvider services)
    {
        var options = services.GetRequiredService<IndexingOptions>();
        var logger = services.GetRequiredService<ILogger<IndexBatcher>>();
        return new IndexBatcher(services.GetRequiredService<ArticleIndex>().IndexBatchAsync, options.Writers, options.MaxBatch,
            services.GetRequiredService<ServiceTelemetry>().Source,
            (error, count) => logger.LogWarning(error, "A batch of {Count} messages failed; writing them one by one", count));
    }
}
