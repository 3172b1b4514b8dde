using Ingestion.TestSupport;
using Ingestion.TestSupport.Pipeline;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Chaos;

/// <summary>
/// <c>harness chaos [--pages 2000] [--instances 1] [--fetchers 1] [--broker-down 30] [--postgres-down 120] [--feed 40]
/// [--feeds 0] [--feed-hosts 2] [--host-delay-ms 50] [--rabbit-nodes 1] [--service-faults 1]</c>: the four built services as
/// processes against their own PostgreSQL and RabbitMQ, fed real corpus pages through a folder (or, with <c>--feeds N</c>,
/// through N feeds of a local feed server on <c>--feed-hosts</c> hosts, whose log then says whether any feed was polled
/// twice in one interval or a host's spacing broke), while RabbitMQ is stopped, PostgreSQL killed (kill -9) and kept
/// down, and every service killed and stopped once. With <c>--rabbit-nodes 3</c> RabbitMQ is a cluster of three nodes
/// with quorum queues, and instead of being stopped, the node leading most queues is killed (kill -9) for
/// <c>--broker-down</c> seconds. A fault of 0 seconds (or <c>--service-faults 0</c>) is left out. Prints one line
/// accounting for every page and event; exit 0 when nothing was lost.
/// Build the services first: <c>dotnet build -c Release</c>.
/// </summary>
public static class ChaosHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (CorpusPages.All().Count == 0)
        {
            Console.WriteLine("SKIPPED: no pages in ../shared/corpus beside the repository.");
            return 0;
        }
        var options = new ChaosOptions
        {
            Pages = Arg(args, "--pages", 2000),
            FeedPerSecond = Arg(args, "--feed", 40),
            BrokerDown = TimeSpan.FromSeconds(Arg(args, "--broker-down", 30)),
            PostgresDown = TimeSpan.FromSeconds(Arg(args, "--postgres-down", 120)),
            SettleTimeout = TimeSpan.FromMinutes(Arg(args, "--settle-minutes", 15)),
            KillServices = Arg(args, "--service-faults", 1) != 0,
            TerminateServices = Arg(args, "--service-faults", 1) != 0,
        };
        var feeds = Arg(args, "--feeds", 0);
        var settings = new PipelineSettings
        {
            Instances = Arg(args, "--instances", 1), Fetchers = Arg(args, "--fetchers", 1), RabbitNodes = Arg(args, "--rabbit-nodes", 1),
            Source = feeds > 0 ? PipelineSource.Feed : PipelineSource.Folder, Feeds = Math.Max(1, feeds),
            FeedHosts = Arg(args, "--feed-hosts", 2), FeedHostDelayMs = Arg(args, "--host-delay-ms", 50),
        };
        Console.WriteLine($"chaos: {options.Pages} pages, {settings.Instances} process(es) of each consumer, {settings.Fetchers} fetcher(s), "
            + $"{settings.RabbitNodes} RabbitMQ node(s), services from {RepoPaths.ServiceDll("Cleaner")}");
        await using var run = await PipelineRun.StartAsync(settings, Console.Out);
        var report = await new ChaosScenario(run, options, Console.Out).RunAsync();
        if (!report.Passed) Console.WriteLine(run.Logs(30));
        Console.WriteLine(report.Line);
        return report.Passed ? 0 : 1;
    }
}
