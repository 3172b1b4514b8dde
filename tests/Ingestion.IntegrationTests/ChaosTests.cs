using Ingestion.IntegrationTests.Infrastructure;
using Ingestion.TestSupport.Pipeline;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The self-healing promise, on real servers: while 300 corpus pages flow through the four services, RabbitMQ is stopped,
/// PostgreSQL is killed with kill -9 and kept down, every service is killed (one of them while the database is down) and
/// stopped with SIGTERM once. Every page ends indexed or rejected, none in an error queue, each article with one revision
/// and its event received by a subscriber's queue bound before the run. The full-size run is <c>harness chaos</c>.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_survives_a_broker_stop_a_database_crash_and_killed_services()
    {
        var log = new TestOutputWriter(output);
        if (CorpusPages.All().Count == 0)
        {
            output.WriteLine("SKIPPED: no pages in ../shared/corpus beside the repository.");
            return;
        }
        await using var run = await PipelineRun.StartAsync(new PipelineSettings(), log);
        var report = await new ChaosScenario(run, new ChaosOptions
        {
            Pages = 300,
            FeedPerSecond = 4,
            BrokerDown = TimeSpan.FromSeconds(10),
            PostgresDown = TimeSpan.FromSeconds(20),
            SettleTimeout = TimeSpan.FromMinutes(5),
        }, log).RunAsync();
        if (!report.Passed) output.WriteLine(run.Logs(80));
        var counts = report.Counts;
        Assert.Equal(0, counts.Unaccounted);
        Assert.Empty(counts.InErrorQueues);
        Assert.True(counts.Settled, counts.Describe());
        Assert.Equal(counts.Indexed, counts.Revisions);
        Assert.Equal(0, counts.ArticlesWithSeveralRevisions);
        Assert.Equal(0, report.EventsMissing);
        Assert.Equal(report.ServicesTotal, report.ServicesAlive);
        Assert.Equal(report.QueuesTotal, report.QueuesConsumed);
        // (A timer may end a few milliseconds early.)
        Assert.True(report.BrokerDown.TotalSeconds >= 9.9 && report.PostgresDown.TotalSeconds >= 19.9, report.Line);
        Assert.Equal(4, report.Killed);
        Assert.Equal(4, report.Terminated);
        Assert.Equal(report.ServicesTotal, report.UnreadyWhileAway);
        Assert.Equal(report.ServicesTotal, report.LiveWhileAway);
        Assert.True(report.Passed, report.Line);
    }
}
