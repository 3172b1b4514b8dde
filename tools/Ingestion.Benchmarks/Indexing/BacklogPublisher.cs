using System.Diagnostics;
using Ingestion.Benchmarks.Search;

namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// Publishes generated <c>ArticleEnriched</c> messages (<see cref="CorpusArticles.Article"/> 0..N-1) as the enricher does:
/// MassTransit over RabbitMQ, persistent, each publish awaited until the broker confirmed it. The message type's exchange
/// is bound to the indexer's queue, so they wait there while the indexer is stopped.
/// </summary>
public static class BacklogPublisher
{
    /// <summary>Messages generated and published together (their publishes awaited at once).</summary>
    const int ChunkSize = 100;

    /// <summary>Chunks in flight at once.</summary>
    const int Publishers = 4;

    /// <summary>Publishes <paramref name="count"/> articles; returns the time taken (generating included).</summary>
    public static async Task<TimeSpan> PublishAsync(int amqpPort, CorpusArticles corpus, int count, CancellationToken ct)
    {
        await using var testBus = await TestBus.StartAsync("127.0.0.1", amqpPort, ct: ct);
        var bus = testBus.Bus;
        var wall = Stopwatch.StartNew();
        var next = -ChunkSize;
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(_ => Task.Run(async () =>
        {
            for (var start = Interlocked.Add(ref next, ChunkSize); start < count; start = Interlocked.Add(ref next, ChunkSize))
            {
                var messages = Enumerable.Range(start, Math.Min(ChunkSize, count - start)).Select(corpus.Article).ToList();
                await Task.WhenAll(messages.Select(m => bus.Publish(m, ct)));
            }
        }, ct)));
        return wall.Elapsed;
    }
}
