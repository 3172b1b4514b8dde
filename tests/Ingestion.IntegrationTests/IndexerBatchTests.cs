using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// A backlog is written in shared batches (IndexBatcher), and a malformed message in a batch fails alone: the others are
/// indexed and published, it ends in indexer_error for an operator to see and replay.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IndexerBatchTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task A_backlog_is_indexed_in_batches_and_a_poison_message_in_one_fails_alone()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxbatch");
        try
        {
            await pipeline.StartAsync("Indexer"); // declares the indexer queue
            pipeline.Kill("Indexer");
            var day = new DateTimeOffset(2024, 9, 1, 6, 0, 0, TimeSpan.Zero);
            var good = Enumerable.Range(0, 60).Select(i => IndexerMessages.Article($"batch-{i:D2}", $"Batch story {i}",
                $"Batch body number {i}.\n\nIts second paragraph.", day.AddMinutes(i))).ToList();
            // PostgreSQL text cannot hold U+0000: this message fails on every attempt.
            var poison = IndexerMessages.Article("batch-poison", "Poison story", "A body with a NUL \0 inside.", day);
            await IndexerMessages.PublishAsync(pipeline, good.Take(30).Append(poison).Concat(good.Skip(30)));

            await pipeline.StartServiceAsync("Indexer");
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == good.Count
                    && await pipeline.Rabbit.MessageCountAsync(pipeline.VirtualHost, "indexer_error") == 1,
                TimeSpan.FromSeconds(90), "60 articles indexed and the poison message in indexer_error");

            Assert.Equal(good.Count, await pipeline.CountAsync("select count(*) from indexer.revisions"));
            var fault = (await pipeline.Rabbit.PeekAsync(pipeline.VirtualHost, "indexer_error", 5)).Single();
            var headers = fault.GetProperty("properties").GetProperty("headers");
            output.WriteLine(headers.GetProperty("MT-Fault-Message").GetString());
            Assert.Contains("batch-poison", fault.GetProperty("payload").GetString());
            Assert.Contains("Postgres", headers.GetProperty("MT-Fault-ExceptionType").GetString());

            var writes = (await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/status")).GetProperty("writes");
            output.WriteLine(writes.ToString());
            Assert.True(writes.GetProperty("largestBatch").GetInt64() > 1, "the backlog was written in shared batches");
            Assert.True(writes.GetProperty("splitAfterFailure").GetInt64() >= 1, "the poison message's batch was split");
            Assert.True(writes.GetProperty("batches").GetInt64() < writes.GetProperty("messages").GetInt64());
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task A_backlogs_batches_use_the_bulk_pending_list_limit_and_small_batches_the_servers()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxbulk");
        try
        {
            await pipeline.StartAsync("Indexer");
            pipeline.Kill("Indexer");
            var day = new DateTimeOffset(2024, 9, 2, 6, 0, 0, TimeSpan.Zero);
            var words = string.Join(' ', Enumerable.Range(0, 400).Select(w => $"word{w}"));
            var backlog = Enumerable.Range(0, 60).Select(i => IndexerMessages.Article($"bulk-{i:D2}", $"Bulk story {i}",
                $"Bulk body {i}: {words} story{i}.", day.AddMinutes(i))).ToList();
            await IndexerMessages.PublishAsync(pipeline, backlog);
            // The smallest limit PostgreSQL takes (64 kB, 8 pages): a bulk batch merges its entries into the index as it goes,
            // where the server's 4 MB would leave all 60 articles' 400 words each (60 pages) in the pending list. One writer:
            // a backend that finds another one merging skips its own merge, which would leave a few pages more.
            await pipeline.StartServiceAsync("Indexer", new Dictionary<string, string>
            {
                ["Indexer__BulkBatch"] = "20", ["Indexer__BulkPendingListKb"] = "64", ["Indexer__Writers"] = "1",
            });
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == backlog.Count,
                TimeSpan.FromSeconds(90), "the backlog indexed");
            var writes = (await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/status")).GetProperty("writes");
            output.WriteLine(writes.ToString());
            Assert.True(writes.GetProperty("largestBatch").GetInt64() >= 20, "the backlog came in bulk batches");
            var pendingAfterBulk = await PendingPagesAsync(pipeline);
            output.WriteLine($"pending pages of articles_tsv after the backlog: {pendingAfterBulk}");
            Assert.InRange(pendingAfterBulk, 0, 9);

            // Lone messages write with the server's limit: their entries stay pending.
            await IndexerMessages.PublishAsync(pipeline,
                Enumerable.Range(0, 3).Select(i => IndexerMessages.Article($"lone-{i}", $"Lone story {i}", $"Lone body: {words}.", day)));
            await pipeline.WaitUntilAsync(async () =>
                await pipeline.CountAsync("select count(*) from indexer.articles") == backlog.Count + 3,
                TimeSpan.FromSeconds(30), "the lone messages indexed");
            Assert.True(await PendingPagesAsync(pipeline) > 0, "a small batch's entries wait in the pending list");
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    /// <summary>Merges the whole-vector index's pending list, returning how many pages it held.</summary>
    static async Task<long> PendingPagesAsync(TestPipeline pipeline) =>
        await pipeline.CountAsync("select gin_clean_pending_list('indexer.articles_tsv'::regclass)");
}
