using System.Diagnostics;
using System.Threading.Channels;
using Ingestion.Contracts;
using Ingestion.Hosting.Resilience;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Gathers the messages being consumed at the same time into batches written in one transaction each
/// (the indexer's <c>ArticleIndex.IndexBatchAsync</c>): under a backlog a few hundred articles share a transaction, a lone message
/// is written at once, alone, without waiting for company. Each caller gets its own message's result or its own error:
/// when a batch fails, its messages are written one by one, so a malformed message fails alone (and goes through its own
/// retries to the endpoint's error queue) while the others are indexed.
/// </summary>
public sealed class IndexBatcher : IAsyncDisposable
{
    public delegate Task<IReadOnlyList<(ArticleIndexed Event, bool Redelivered)>> WriteBatch(IReadOnlyList<ArticleEnriched> messages,
        CancellationToken ct);

    readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    readonly WriteBatch write;
    readonly int maxBatch;
    readonly ActivitySource? source;
    readonly Action<Exception, int>? onSplit;
    readonly Task writers;
    long batches, messages, largest, split;

    sealed record Pending(ArticleEnriched Message, TaskCompletionSource<Indexed> Done, ActivityContext Context);

    /// <summary>One message's outcome, with the size of the batch it was written in.</summary>
    public readonly record struct Indexed(ArticleIndexed Event, bool Redelivered, int BatchSize);

    /// <param name="write">Writes a batch in one transaction; returns each message's result in input order.</param>
    /// <param name="writers">Batches written at once.</param>
    /// <param name="maxBatch">Most messages in one batch.</param>
    /// <param name="source">Where the "index batch" spans go.</param>
    /// <param name="onSplit">Told when a batch failed (its error, its size), before its messages are written one by one.</param>
    public IndexBatcher(WriteBatch write, int writers, int maxBatch, ActivitySource? source = null, Action<Exception, int>? onSplit = null)
    {
        this.write = write;
        this.source = source;
        this.onSplit = onSplit;
        this.maxBatch = Math.Max(1, maxBatch);
        // The writers outlive whichever message made the first consumer: they must not carry its span or log scopes.
        using (ExecutionContext.SuppressFlow())
            this.writers = Task.WhenAll(Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync)).ToList());
    }

    /// <summary>Batches written, the messages in them, the largest, and batches that failed and were written one by one.</summary>
    public (long Batches, long Messages, long Largest, long Split) Counts =>
        (Interlocked.Read(ref batches), Interlocked.Read(ref messages), Interlocked.Read(ref largest), Interlocked.Read(ref split));

    /// <summary>Indexes one message in the next batch a writer takes; completes when that batch is committed.</summary>
    public Task<Indexed> IndexAsync(ArticleEnriched message, CancellationToken ct)
    {
        var pending = new Pending(message, new(TaskCreationOptions.RunContinuationsAsynchronously), Activity.Current?.Context ?? default);
        if (!queue.Writer.TryWrite(pending))
            throw new OperationCanceledException("The indexer is stopping; the message stays in its queue.");
        // A caller that stops waiting leaves its message in the batch: the message is redelivered, and indexing is idempotent.
        return pending.Done.Task.WaitAsync(ct);
    }

    async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(maxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var pending))
                batch.Add(pending);
            if (batch.Count > 0)
                await WriteAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    async Task WriteAsync(List<Pending> batch)
    {
        // The span belongs to the first message's trace and links the others'.
        using var activity = source?.StartActivity("index batch", ActivityKind.Internal, batch[0].Context,
            links: batch.Skip(1).Where(p => p.Context != default).Select(p => new ActivityLink(p.Context)));
        activity?.SetTag("index.batch_size", batch.Count);
        try
        {
            var results = await write(batch.Select(p => p.Message).ToList(), CancellationToken.None).ConfigureAwait(false);
            Counted(batch.Count);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.TrySetResult(new Indexed(results[i].Event, results[i].Redelivered, batch.Count));
        }
        catch (Exception error) when (TransientFaults.IsTransient(error))
        {
            // PostgreSQL is away: no message is to blame, so none is written alone. Each waits in its consumer's retry.
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            foreach (var pending in batch)
                pending.Done.TrySetException(error);
        }
        catch (Exception error) when (batch.Count > 1)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            onSplit?.Invoke(error, batch.Count);
            Interlocked.Increment(ref split);
            foreach (var pending in batch)
                await WriteAloneAsync(pending).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            batch[0].Done.TrySetException(error);
        }
    }

    async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            var result = (await write([pending.Message], CancellationToken.None).ConfigureAwait(false))[0];
            Counted(1);
            pending.Done.TrySetResult(new Indexed(result.Event, result.Redelivered, 1));
        }
        catch (Exception error)
        {
            pending.Done.TrySetException(error);
        }
    }

    void Counted(int size)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref messages, size);
        for (var seen = Interlocked.Read(ref largest); size > seen; seen = Interlocked.Read(ref largest))
            if (Interlocked.CompareExchange(ref largest, size, seen) == seen) break;
    }

    /// <summary>Takes no more messages and waits until the writers have written what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writers.ConfigureAwait(false);
    }
}
