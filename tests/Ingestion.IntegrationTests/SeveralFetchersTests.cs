using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Ingestion.TestSupport.Pipeline;
using Npgsql;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Three fetcher processes on one database poll the feeds of a local feed server (two hosts): each feed is polled once
/// per interval across them, no two requests to one host come closer than the host delay, every page is downloaded,
/// recorded and indexed once, a feed leased by a dead fetcher is taken over when its lease runs out, and killing a
/// fetcher loses nothing.
/// </summary>
public sealed class SeveralFetchersTests(ITestOutputHelper output)
{
    const int HostDelayMs = 150;

    [Fact]
    public async Task Three_fetchers_share_the_feeds_keep_host_spacing_and_record_each_page_once()
    {
        var log = new TestOutputWriter(output);
        var corpus = CorpusPages.Take(45);
        if (corpus.Count < 45)
        {
            output.WriteLine("SKIPPED: no pages in ../shared/corpus beside the repository.");
            return;
        }
        await using var run = await PipelineRun.StartAsync(new PipelineSettings
        {
            Fetchers = 3,
            Source = PipelineSource.Feed,
            Feeds = 6,
            FeedHosts = 2,
            FeedHostDelayMs = HostDelayMs,
            DurablePostgres = false,
            Environment = new Dictionary<string, string> { ["Fetcher__LeaseSeconds"] = "12", ["Fetcher__TimeoutSeconds"] = "5" },
        }, log);
        var server = run.FeedServer!;
        try
        {
            // A due feed another fetcher claimed and died holding: nobody polls it until its lease runs out.
            var held = server.Hosts[0] + "/feeds/held.xml";
            await using (var db = new NpgsqlConnection(run.Postgres.ConnectionString()))
            {
                await db.ExecuteAsync("""
                    insert into fetcher.feeds (url, name, next_poll_at, leased_until, leased_by)
                    values (@held, 'held by a dead fetcher', now(), now() + interval '8 seconds', 'dead-fetcher:1')
                    """, new { held });
            }
            var heldSince = DateTimeOffset.UtcNow;

            server.Prepare(corpus);
            server.Publish(corpus.Take(30));
            var counts = await run.WaitSettledAsync(30, TimeSpan.FromMinutes(3));
            Assert.True(counts.Settled, counts.Describe() + "\n" + run.Logs());
            Assert.Equal(0, server.PagesRequestedTwice());

            var firstHeldPoll = server.Requests.Where(r => r.Path == "/feeds/held.xml").Select(r => r.At).Order().FirstOrDefault();
            Assert.NotEqual(default, firstHeldPoll);
            output.WriteLine($"the dead fetcher's feed was first polled {(firstHeldPoll - heldSince).TotalSeconds:0.0} s after its lease began");
            Assert.InRange((firstHeldPoll - heldSince).TotalSeconds, 7.5, 25);

            // kill -9 one fetcher; the others take its work (a feed it was polling when its lease runs out).
            var victim = run.Of("fetcher").First();
            victim.Kill();
            output.WriteLine($"killed {victim.Name}");
            server.Publish(corpus.Skip(30));
            counts = await run.WaitSettledAsync(45, TimeSpan.FromMinutes(3));
            Assert.True(counts.Settled, counts.Describe() + "\n" + run.Logs());
            Assert.Equal(45, counts.Recorded);
            Assert.Equal(45, counts.Indexed + counts.Rejected);
            Assert.Equal(0, counts.ArticlesWithSeveralRevisions);
            Assert.Equal(counts.Indexed, counts.Revisions);
            await using (var db = new NpgsqlConnection(run.Postgres.ConnectionString()))
                Assert.Equal(45, await db.ExecuteScalarAsync<long>("select count(*) from fetcher.pages"));

            var manners = FeedPoliteness.Of(server, PipelineRun.FeedMinPollInterval, TimeSpan.FromMilliseconds(HostDelayMs));
            output.WriteLine($"{server.Requests.Count} requests; {manners.Describe()}");
            foreach (var host in server.Requests.GroupBy(r => r.Host))
            {
                var times = host.OrderBy(r => r.At).ToList();
                foreach (var (a, b) in times.Zip(times.Skip(1)).Where(p => p.Second.At - p.First.At < TimeSpan.FromMilliseconds(HostDelayMs) - FeedPoliteness.TimerTolerance))
                    output.WriteLine($"close: {a.Host} {a.Path} {a.At:HH:mm:ss.fff} -> {b.Path} {b.At:HH:mm:ss.fff}");
            }
            Assert.Equal(0, manners.PollsTooClose);
            Assert.True(manners.Held, manners.Describe());
            // The work was shared: each feed polled several times over the run, by whichever fetcher claimed it.
            Assert.All(server.FeedUrls, url => Assert.True(server.Requests.Count(r => url.EndsWith(r.Path, StringComparison.Ordinal)
                && url.Contains(r.Host, StringComparison.Ordinal)) > 3, url));
        }
        catch
        {
            output.WriteLine(run.Logs(60));
            throw;
        }
    }
}
