using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Indexer.Indexing;

namespace Ingestion.Indexer.Tests.Indexing;

/// <summary>
/// How <see cref="IndexBatcher"/> gathers messages into writes and hands each caller its own result or error. The write is
/// a function recording the batches it was given (the database write itself is tested in the integration tests).
/// </summary>
public class IndexBatcherTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    static ArticleEnriched Message(string id) =>
        new(new CleanedArticle(id, 1, $"https://news.example.invalid/{id}", "Title " + id, [], null, null, "en", "Desk", null, null, null,
                ["Body."], new SourceRef("folder", "Desk", "/test"), DateTimeOffset.UnixEpoch),
            new Enrichment("en", [], [], [], "Body.", 1, 1, "0000000000000000", null), DateTimeOffset.UnixEpoch);

    static (ArticleIndexed, bool) Indexed(ArticleEnriched m) =>
        (new ArticleIndexed(Guid.NewGuid(), m.Article.ArticleId, m.Article.Revision, m.Article.Url, m.Article.Title, null, "en", "Desk",
            null,
            [], "Body.", [], [], null, 1, DateTimeOffset.UnixEpoch), false);

    /// <summary>A write that records each batch's ids and, while <see cref="Gate"/> is unset, waits for it.</summary>
    sealed class RecordingWrite
    {
        public readonly List<string[]> Batches = [];
        public TaskCompletionSource Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource FirstStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Func<IReadOnlyList<ArticleEnriched>, Exception?> Fails = _ => null;

        public async Task<IReadOnlyList<(ArticleIndexed Event, bool Redelivered)>> WriteAsync(IReadOnlyList<ArticleEnriched> messages,
            CancellationToken ct)
        {
            lock (Batches) Batches.Add(messages.Select(m => m.Article.ArticleId).ToArray());
            FirstStarted.TrySetResult();
            await Gate.Task;
            if (Fails(messages) is { } error) throw error;
            return messages.Select(Indexed).ToList();
        }
    }

    /// <summary>
    /// Sends <c>{prefix}0</c>, waits until its write has begun, queues <c>{prefix}1..{more}</c> behind it, then lets the
    /// writes go on; returns every caller's task, in the order sent.
    /// </summary>
    static async Task<List<Task<IndexBatcher.Indexed>>> QueuedBehindAWriteAsync(IndexBatcher batcher, RecordingWrite write, string prefix,
        int more)
    {
        var first = batcher.IndexAsync(Message(prefix + 0), CancellationToken.None);
        await write.FirstStarted.Task.WaitAsync(Wait);
        var all = Enumerable.Range(1, more).Select(i =>
            batcher.IndexAsync(Message(prefix + i), CancellationToken.None)).Prepend(first).ToList();
        write.Gate.SetResult();
        return all;
    }

    [Fact]
    public async Task Messages_arriving_while_a_batch_is_written_share_the_next_write()
    {
        var write = new RecordingWrite();
        await using var batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 100);
        var results = await Task.WhenAll(await QueuedBehindAWriteAsync(batcher, write, "a", 10)).WaitAsync(Wait);
        Assert.Equal([["a0"], Enumerable.Range(1, 10).Select(i => "a" + i).ToArray()], write.Batches);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => "a" + i), results.Select(r => r.Event.ArticleId)); // each caller its own event
        Assert.Equal(1, results[0].BatchSize);
        Assert.All(results.Skip(1), r => Assert.Equal(10, r.BatchSize));
        Assert.Equal((2L, 11L, 10L, 0L), batcher.Counts);
    }

    [Fact]
    public async Task A_batch_holds_at_most_max_batch_messages()
    {
        var write = new RecordingWrite();
        await using var batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 4);
        await Task.WhenAll(await QueuedBehindAWriteAsync(batcher, write, "b", 9)).WaitAsync(Wait);
        Assert.Equal([1, 4, 4, 1], write.Batches.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "b" + i), write.Batches.SelectMany(b => b)); // in arrival order
    }

    [Fact]
    public async Task When_a_batch_fails_its_messages_are_written_alone_and_only_the_bad_one_fails()
    {
        var write = new RecordingWrite();
        var poison = new InvalidOperationException("22021: invalid byte sequence for encoding \"UTF8\": 0x00");
        write.Fails = batch => batch.Any(m => m.Article.ArticleId == "c3") ? poison : null;
        var splits = new List<(Exception, int)>();
        await using var batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 100, onSplit: (e, n) => splits.Add((e, n)));
        var all = await QueuedBehindAWriteAsync(batcher, write, "c", 5);
        await Task.WhenAll(all.Select(t => t.ContinueWith(_ => { }))).WaitAsync(Wait);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => all[3]);
        Assert.Same(poison, error);
        foreach (var i in new[] { 0, 1, 2, 4, 5 })
            Assert.Equal("c" + i, (await all[i]).Event.ArticleId);
        Assert.All(new[] { 1, 2, 4, 5 }, i => Assert.Equal(1, all[i].Result.BatchSize));
        Assert.Equal([["c0"], ["c1", "c2", "c3", "c4", "c5"], ["c1"], ["c2"], ["c3"], ["c4"], ["c5"]], write.Batches);
        Assert.Equal([(poison, 5)], splits.Select(s => (s.Item1, s.Item2)).ToList<(Exception, int)>());
        Assert.Equal(1L, batcher.Counts.Split);
    }

    [Fact]
    public async Task When_postgres_is_away_a_batch_is_not_split_and_every_message_gets_the_fault_to_wait_out()
    {
        var write = new RecordingWrite();
        var away = new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111));
        write.Fails = batch => batch.Any(m => m.Article.ArticleId.StartsWith("d", StringComparison.Ordinal) && m.Article.ArticleId != "d0")
            ? away : null;
        var splits = new List<(Exception, int)>();
        await using var batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 100, onSplit: (e, n) => splits.Add((e, n)));
        var all = await QueuedBehindAWriteAsync(batcher, write, "d", 4);
        await Task.WhenAll(all.Select(t => t.ContinueWith(_ => { }))).WaitAsync(Wait);
        foreach (var i in new[] { 1, 2, 3, 4 })
            Assert.Same(away, await Assert.ThrowsAsync<Npgsql.NpgsqlException>(() => all[i]));
        Assert.Equal([["d0"], ["d1", "d2", "d3", "d4"]], write.Batches);
        Assert.Empty(splits);
    }

    [Fact]
    public async Task A_batch_span_is_a_child_of_its_first_message_and_the_writers_carry_no_span_of_their_creator()
    {
        using var source = new ActivitySource("IndexBatcherTests");
        var started = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a => { lock (started) started.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        var write = new RecordingWrite();
        write.Gate.SetResult();
        Activity? during = null;
        write.Fails = _ => { during = Activity.Current; return null; };

        IndexBatcher batcher;
        using (source.StartActivity("creates the batcher"))
            batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 10, source);
        await using (batcher)
        {
            using var message = source.StartActivity("index article")!;
            await batcher.IndexAsync(Message("f0"), CancellationToken.None).WaitAsync(Wait);
            var batch = Assert.Single(started, a => a.OperationName == "index batch");
            Assert.Equal(message.SpanId, batch.ParentSpanId);
            Assert.Same(batch, during); // the write runs inside the batch span
            Assert.Equal(1, batch.GetTagItem("index.batch_size"));
        }

        // Without a source (no batch span), the write sees no span at all: not the one that was current at construction.
        using (source.StartActivity("creates another batcher"))
            batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 10);
        await using (batcher)
        {
            await batcher.IndexAsync(Message("f1"), CancellationToken.None).WaitAsync(Wait);
            Assert.Null(during);
        }
    }

    [Fact]
    public async Task A_lone_message_that_fails_gets_its_error()
    {
        var write = new RecordingWrite();
        write.Gate.SetResult();
        write.Fails = _ => new TimeoutException("the database did not answer");
        await using var batcher = new IndexBatcher(write.WriteAsync, writers: 2, maxBatch: 100);
        await Assert.ThrowsAsync<TimeoutException>(() => batcher.IndexAsync(Message("d0"), CancellationToken.None).WaitAsync(Wait));
        Assert.Equal([["d0"]], write.Batches);
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_then_refuses_new_messages()
    {
        var write = new RecordingWrite();
        var batcher = new IndexBatcher(write.WriteAsync, writers: 1, maxBatch: 100);
        var first = batcher.IndexAsync(Message("e0"), CancellationToken.None);
        await write.FirstStarted.Task.WaitAsync(Wait);
        var second = batcher.IndexAsync(Message("e1"), CancellationToken.None);
        var disposed = batcher.DisposeAsync().AsTask();
        write.Gate.SetResult();
        await disposed.WaitAsync(Wait);

        Assert.Equal("e0", (await first).Event.ArticleId);
        Assert.Equal("e1", (await second).Event.ArticleId);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.IndexAsync(Message("e2"), CancellationToken.None));
    }
}
