using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Two indexer processes on one database. A test trigger holds a writer's transaction open right after it inserted its
/// revision (it has taken its change cursor and not committed): another writer's revision must not reach
/// <c>GET /articles/changes</c> past it until it commits, and then both come in cursor order. The same article delivered
/// twice at once gets one revision and one event. Nothing here waits on the clock: each step waits for the backends to be
/// waiting for a lock, as PostgreSQL reports them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IndexerSeveralWritersTests(LocalServers servers, ITestOutputHelper output)
{
    static readonly DateTimeOffset Day = new(2024, 6, 3, 7, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_revision_committed_late_with_a_lower_cursor_is_not_skipped_by_the_change_feed()
    {
        await using var pipeline = await StartTwoIndexersAsync("idxwriters");
        try
        {
            await using var holder = await HoldRevisionsAsync(pipeline, "feed-held");
            await IndexerMessages.PublishAsync(pipeline, [IndexerMessages.Article("feed-held", "Held revision", "Held body.", Day)]);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 1, Patience,
                "the writer of feed-held holding its cursor, uncommitted");

            await IndexerMessages.PublishAsync(pipeline, [IndexerMessages.Article("feed-next", "Next revision", "Next body.", Day)]);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 2
                    || await pipeline.CountAsync("select count(*) from indexer.revisions where article_id = 'feed-next'") > 0,
                Patience, "the writer of feed-next waiting for feed-held, or committed");
            foreach (var indexer in Feeds(pipeline))
                Assert.Empty(await ChangesAsync(indexer, 0)); // neither is safe to read while feed-held is open

            await ReleaseAsync(holder);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.revisions") == 2, Patience,
                "both revisions committed");
            foreach (var indexer in Feeds(pipeline))
            {
                var feed = await ChangesAsync(indexer, 0);
                Assert.Equal(["feed-held", "feed-next"], feed.Select(e => e.Id));
                Assert.True(feed[0].Cursor < feed[1].Cursor);
                Assert.Equal(["feed-next"], (await ChangesAsync(indexer, feed[0].Cursor)).Select(e => e.Id));
            }
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task The_same_article_delivered_to_two_indexers_at_once_gets_one_revision_and_one_event()
    {
        await using var pipeline = await StartTwoIndexersAsync("idxtwice");
        await using var tap = await EnricherMessages.ConnectAsync(servers, pipeline);
        try
        {
            await using var holder = await HoldRevisionsAsync(pipeline, "feed-twice");
            var message = IndexerMessages.Article("feed-twice", "Delivered twice", "Twice body.", Day);
            await IndexerMessages.PublishAsync(pipeline, [message]);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 1, Patience,
                "the first delivery holding its cursor, uncommitted");
            await IndexerMessages.PublishAsync(pipeline, [message]);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 2, Patience,
                "the second delivery waiting for the first");

            await ReleaseAsync(holder);
            await pipeline.WaitUntilAsync(() => Task.FromResult(tap.IndexedOf("feed-twice", 1).Count >= 2), Patience,
                "ArticleIndexed published for both deliveries");
            var events = tap.IndexedOf("feed-twice", 1);
            Assert.Single(events.Select(e => (e.EventId, e.ChangeCursor)).Distinct());
            Assert.Equal(1, await pipeline.CountAsync("select count(*) from indexer.revisions where article_id = 'feed-twice'"));
            Assert.Equal([events[0].ChangeCursor], (await ChangesAsync(pipeline.Indexer, 0)).Select(e => e.Cursor));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    async Task<TestPipeline> StartTwoIndexersAsync(string name)
    {
        var pipeline = await TestPipeline.CreateAsync(servers, name);
        await pipeline.StartServiceAsync("Indexer");
        await pipeline.StartServiceAsync("Indexer", instance: "Indexer 2");
        return pipeline;
    }

    static IEnumerable<HttpClient> Feeds(TestPipeline pipeline) =>
    [
        pipeline.Indexer,
        new HttpClient { BaseAddress = new Uri(pipeline.Processes["Indexer 2"].BaseUrl), Timeout = TimeSpan.FromSeconds(30) },
    ];

    /// <summary>
    /// A trigger makes the transaction that inserts <paramref name="articleId"/>'s revision wait, after the insert (its
    /// cursor taken) and before its commit, for an advisory lock the returned connection holds until <see cref="ReleaseAsync"/>.
    /// </summary>
    static async Task<NpgsqlConnection> HoldRevisionsAsync(TestPipeline pipeline, string articleId)
    {
        var conn = pipeline.OpenDb();
        await conn.OpenAsync();
        await conn.ExecuteAsync($"""
            create function indexer.test_hold_revision() returns trigger language plpgsql as $$
            begin
                perform pg_advisory_xact_lock_shared(hashtext('test-hold-revision'));
                return new;
            end $$;
            create trigger test_hold_revision after insert on indexer.revisions for each row
                when (new.article_id = '{articleId}') execute function indexer.test_hold_revision();
            select pg_advisory_lock(hashtext('test-hold-revision'));
            """);
        return conn;
    }

    static Task ReleaseAsync(NpgsqlConnection holder) =>
        holder.ExecuteAsync("select pg_advisory_unlock(hashtext('test-hold-revision'))");

    static async Task<List<(string Id, long Cursor)>> ChangesAsync(HttpClient indexer, long after) =>
        (await indexer.GetFromJsonAsync<JsonElement>($"/articles/changes?after={after}")).GetProperty("items").EnumerateArray()
        .Select(e => (e.GetProperty("articleId").GetString()!, e.GetProperty("changeCursor").GetInt64())).ToList();
}
