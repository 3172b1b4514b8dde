using Ingestion.Hosting.Telemetry;
using Ingestion.Indexer.Domain;

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
