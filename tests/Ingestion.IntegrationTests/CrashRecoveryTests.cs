using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>kill -9 of any one service while articles flow loses none and indexes none twice.</summary>
[Collection(ServersCollection.Name)]
public sealed class CrashRecoveryTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_each_service_mid_stream_loses_no_article_and_indexes_none_twice()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "crash");
        const int firstBatch = 30, total = 60;
        SyntheticArticles.Write(pipeline.Folder, 0, firstBatch);
        try
        {
            await pipeline.StartAsync();
            var indexed = () => pipeline.CountAsync("select count(*) from indexer.articles");

            foreach (var victim in new[] { "Cleaner", "Enricher", "Indexer" })
            {
                // Kill while messages are in flight: some indexed, not all.
                var before = await indexed();
                await pipeline.WaitUntilAsync(async () => await indexed() > before || before >= firstBatch, TimeSpan.FromSeconds(60),
                    $"progress before killing {victim}");
                pipeline.Kill(victim);
                output.WriteLine($"killed {victim} with {await indexed()} indexed");
                await pipeline.StartServiceAsync(victim);
            }

            // The fetcher dies while it has new files to record and publish; its replacement picks them up.
            SyntheticArticles.Write(pipeline.Folder, firstBatch, total - firstBatch);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from fetcher.pages") > firstBatch,
                TimeSpan.FromSeconds(60), "the fetcher to start on the second batch");
            pipeline.Kill("Fetcher");
            output.WriteLine($"killed Fetcher with {await pipeline.CountAsync("select count(*) from fetcher.pages")} pages recorded");
            await pipeline.StartServiceAsync("Fetcher");

            await pipeline.WaitUntilAsync(async () =>
                await indexed() + await pipeline.CountAsync("select count(*) from indexer.rejections") >= total,
                TimeSpan.FromSeconds(180), $"all {total} articles through the pipeline");
            await Task.Delay(TimeSpan.FromSeconds(3)); // let redeliveries, if any, arrive

            Assert.Equal(0, await pipeline.CountAsync("select count(*) from indexer.rejections"));
            Assert.Equal(total, await indexed());
            Assert.Equal(total, await pipeline.CountAsync("select count(*) from indexer.revisions"));
            Assert.Equal(total, await pipeline.CountAsync("select count(*) from fetcher.pages"));
            await using var db = pipeline.OpenDb();
            Assert.Equal(0, await db.ExecuteScalarAsync<long>("select count(*) from indexer.articles where revision <> 1"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task A_page_fetched_before_the_cleaner_ever_ran_waits_and_is_published_when_it_comes()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "late");
        SyntheticArticles.Write(pipeline.Folder, 200, 2);
        try
        {
            // No cleaner queue exists yet: the broker returns the mandatory publish, the pages stay unpublished.
            await pipeline.StartAsync("Indexer", "Enricher", "Fetcher");
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from fetcher.pages") == 2,
                TimeSpan.FromSeconds(60), "two pages recorded");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(2, await pipeline.CountAsync("select count(*) from fetcher.pages where published_at is null"));

            await pipeline.StartAsync("Cleaner");
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 2,
                TimeSpan.FromSeconds(60), "both articles indexed once the cleaner runs");
            Assert.Equal(0, await pipeline.CountAsync("select count(*) from fetcher.pages where published_at is null"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
