using System.Globalization;
using Ingestion.Benchmarks.Search;
using Ingestion.TestSupport.Pipeline;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>
/// <c>harness pipeline [--pages 2000] [--source folder|feed] [--instances 1] [--settle-minutes 30] [--env KEY=VALUE]... [--no-domain] [--rate N]</c>: what an article
/// costs in the running pipeline. The four built services run as processes (<see cref="PipelineRun"/>: their own
/// PostgreSQL, durable, and RabbitMQ) and are fed N real corpus pages (every page once, then copies) through a folder or
/// through RSS feeds a local server on 127.0.0.1 serves with the pages. Reported: articles per second from the first page
/// fetched to the last indexed or rejected; the latency from fetched to indexed (p50, p95, p99); the CPU each service,
/// PostgreSQL and RabbitMQ used per article while the pages flowed, beside the machine's total (others share it); each
/// service's peak working set; then, on the same pages in this process on one thread, the extraction's and the
/// enrichment's domain work alone (a cold first pass and a warm second one), and so what the services add on top of it.
/// The pages are given all at once, so the latency is mostly time spent waiting in queues. <c>--env</c> adds environment
/// to every service (e.g. <c>Logging__LogLevel__Default=Warning</c>, to see what logging costs); <c>--no-domain</c> skips the domain passes (a quicker run, for comparing settings); <c>--rate N</c> feeds N pages a second instead of all at once (light load: the latency is then one article's own path). Last line: <c>pipeline: ...</c>. Build the solution in Release first.
/// </summary>
public static class PipelineHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, "--pages", 2000);
        var instances = Arg(args, "--instances", 1);
        var settle = TimeSpan.FromMinutes(Arg(args, "--settle-minutes", 30));
        var sourceArg = Text(args, "--source", "folder");
        if (!Enum.TryParse<PipelineSource>(sourceArg, ignoreCase: true, out var source) || !Enum.IsDefined(source))
        {
            Console.Error.WriteLine($"unknown source '{sourceArg}'; usage: harness pipeline [--pages N] [--source folder|feed] [--instances N]");
            return 2;
        }
        var distinct = CorpusPages.All().Count;
        if (distinct == 0)
        {
            Console.WriteLine("SKIPPED: no pages in ../shared/corpus beside the repository.");
            return 0;
        }
        var pages = CorpusPages.Take(count);
        var environment = Texts(args, "--env").Select(e => e.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        var settings = new PipelineSettings { Instances = instances, Source = source, Environment = environment };
        var sourceName = source.ToString().ToLowerInvariant();
        Say($"{count} pages ({Math.Min(count, distinct)} distinct of the corpus's {distinct}, then copies), source {sourceName}, "
            + $"{instances} process(es) of each consumer; {Environment.ProcessorCount} cores, load average {LoadAverage()}; "
            + $"services from {RepoPaths.ServiceDll("Cleaner")}"
            + (environment.Count > 0 ? $"; with {string.Join(" ", environment.Select(e => $"{e.Key}={e.Value}"))}" : ""));

        await using var run = await PipelineRun.StartAsync(settings, Console.Out);
        run.FeedServer?.Prepare(pages);
        // What the platform uses doing nothing (probes, polls, timers), after start-up has settled.
        await Task.Delay(3000);
        var idleFrom = CpuReadings.Read(run);
        await Task.Delay(5000);
        var before = CpuReadings.Read(run);
        var idleSeconds = before.WallSince(idleFrom).TotalSeconds;
        var idle = before.Since(idleFrom).ToDictionary(p => p.Key, p => (p.Value ?? TimeSpan.Zero).TotalMilliseconds / idleSeconds);

        var rate = Arg(args, "--rate", 0);
        Say($"feeding {count} pages ({sourceName}{(rate > 0 ? $", {rate} a second" : ", all at once")})");
        if (rate > 0)
        {
            // At light load: a few pages a second, each alone in the pipeline, so the latency is one article's own path.
            for (var i = 0; i < pages.Count; i += rate)
            {
                var tick = Task.Delay(1000);
                await run.FeedAsync(pages.Skip(i).Take(rate).ToList());
                await tick;
            }
        }
        else
            await run.FeedAsync(pages);
        var counts = await run.WaitSettledAsync(count, settle);
        var after = CpuReadings.Read(run);
        var peaks = run.Processes.Select(p => (p.Name, ProcessMemory.PeakRss(p.Pid)))
            .Append(("rabbitmq", run.Rabbit.NodePid is { } node ? ProcessMemory.PeakRss(node) : null)).ToList();
        var timings = await PipelineTimings.ReadAsync(run.Postgres.ConnectionString());
        Say(counts.Describe());
        if (!counts.Settled) Console.WriteLine(run.Logs(30));

        // The same pages, the domain work alone: this process, one thread, each page once per pass.
        var recorded = args.Contains("--no-domain") ? [] : await RecordedPage.ReadAllAsync(run.Postgres.ConnectionString());
        var (extractCold, extractWarm, enrichCold, enrichWarm) = await Task.Run(() =>
        {
            var work = new DomainWork(recorded);
            var (cold, cleaned) = work.Extract();
            var (warm, _) = work.Extract();
            return (cold, warm, work.Enrich(cleaned), work.Enrich(cleaned));
        });

        var report = new PipelineReport(sourceName, count, distinct, instances, counts, timings, before, after, idle, peaks,
            extractCold, extractWarm, enrichCold, enrichWarm, run.FeedServer?.Requests.Count);
        foreach (var line in report.Lines()) Console.WriteLine(line);
        return counts.Settled && counts.Unaccounted == 0 ? 0 : 1;
    }

    static void Say(string text) => Console.WriteLine($"[pipeline harness] {text}");

    /// <summary>Every word after an occurrence of <paramref name="name"/> on the command line.</summary>
    static IEnumerable<string> Texts(string[] args, string name) =>
        args.Zip(args.Skip(1)).Where(a => a.First == name).Select(a => a.Second);

    /// <summary>The word after <paramref name="name"/> on the command line, else <paramref name="fallback"/>.</summary>
    static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}

/// <summary>The figures of one <see cref="PipelineHarness"/> run, as the lines it prints.</summary>
internal sealed record PipelineReport(string Source, int Pages, int DistinctPages, int Instances, PipelineCounts Counts,
    PipelineTimings Timings, CpuReadings Before, CpuReadings After, IReadOnlyDictionary<string, double> IdleMsPerSecond, IReadOnlyList<(string Name, long? PeakRss)> Peaks,
    DomainPass ExtractCold, DomainPass ExtractWarm, DomainPass EnrichCold, DomainPass EnrichWarm, int? FeedRequests)
{
    static string F(double v, int digits = 1) => double.IsFinite(v) ? v.ToString("F" + digits, CultureInfo.InvariantCulture) : "n/a";

    public IEnumerable<string> Lines()
    {
        var done = Counts.Indexed + Counts.Rejected;
        var span = Timings.Span.TotalSeconds;
        var perSecond = span > 0 ? done / span : double.NaN;
        var wall = After.WallSince(Before).TotalSeconds;
        var cpu = After.Since(Before);
        double PerPage(TimeSpan? t) => t is { } v ? v.TotalMilliseconds / Pages : double.NaN;
        var parts = After.PartsSince(Before);
        var harness = After.Harness - Before.Harness;
        var machine = After.MachineBusySince(Before);
        var busy = After.Machine is { } m && Before.Machine is { } b ? m.Since(b) : "unknown (no /proc/stat)";
        var ours = machine is { } mb && mb > TimeSpan.Zero ? 100 * (parts + harness) / mb : double.NaN;
        var machineBusyPct = After.Machine is { } m2 && Before.Machine is { } b2
            ? 100.0 * (m2.Busy - b2.Busy) / Math.Max(1, m2.Busy - b2.Busy + m2.Idle - b2.Idle + m2.Steal - b2.Steal) : double.NaN;

        yield return $"ran on: {Pages} pages ({Math.Min(Pages, DistinctPages)} distinct corpus pages, then copies of them), source {Source}"
            + (FeedRequests is { } r ? $" ({r} requests to the local feed server)" : "")
            + $", {Instances} process(es) of each consumer, one fetcher, PostgreSQL durable (fsync on); {Environment.ProcessorCount} cores; "
            + $"while the pages flowed ({F(wall)} s from the feed's start until settled) the machine was {busy}; this run's processes "
            + $"were {F(ours, 0)} % of that busy time, the rest is other work on the machine";
        yield return $"outcome: {Counts.Describe()}";
        yield return $"end to end: {done} articles ({Counts.Indexed} indexed, {Counts.Rejected} rejected) in {F(span)} s from the first page "
            + $"fetched to the last indexed or rejected: {F(perSecond)} articles/s";
        yield return $"latency fetched -> indexed ({Timings.IndexedRevisions} revisions; when every page is given at once, mostly queueing): p50 {F(Timings.P50Ms, 0)} ms, p95 {F(Timings.P95Ms, 0)} ms, "
            + $"p99 {F(Timings.P99Ms, 0)} ms, max {F(Timings.MaxMs, 0)} ms";
        yield return "CPU ms per article (per page fed, from the feed's start until settled): "
            + string.Join(", ", CpuReadings.Names.Select(n => $"{n} {F(PerPage(cpu[n]), 2)}"))
            + $"; together {F(PerPage(parts), 2)}; this harness (feeding, counting) {F(PerPage(harness), 2)}; "
            + $"the whole machine {F(PerPage(machine), 2)} (all cores, others' work included)";
        var idleTotal = IdleMsPerSecond.Values.Sum();
        yield return $"idle, before the feed (probes, polls, timers), the same processes used {F(idleTotal, 0)} ms of CPU per second ("
            + string.Join(", ", CpuReadings.Names.Select(n => $"{n} {F(IdleMsPerSecond[n], 0)}"))
            + $"): over this run's {F(wall)} s that is {F(idleTotal * wall / Pages, 2)} of the {F(PerPage(parts), 2)} ms per article";
        yield return "peak working set: " + string.Join(", ", Peaks.Select(p => $"{p.Name} {(p.PeakRss is { } v ? F(v / 1048576.0, 0) + " MB" : "n/a")}"));
        yield return $"domain work alone (this process, one thread, thread CPU, each page once a pass): extract {ExtractCold.Inputs} pages "
            + $"cold {F(ExtractCold.MsPerInput, 2)} / warm {F(ExtractWarm.MsPerInput, 2)} ms each ({ExtractWarm.Outputs} articles); "
            + $"enrich {EnrichWarm.Inputs} articles cold {F(EnrichCold.MsPerInput, 2)} / warm {F(EnrichWarm.MsPerInput, 2)} ms each";
        var cleaner = cpu["cleaner"];
        var enricher = cpu["enricher"];
        double Overhead(TimeSpan? process, DomainPass domain) =>
            process is { } p && p > TimeSpan.Zero ? 100 * (p - domain.Cpu) / p : double.NaN;
        yield return $"on top of the domain work (warm pass; messaging, persistence, logging, tracing, GC threads): cleaner process "
            + $"{F(PerPage(cleaner), 2)} vs extract {F(ExtractWarm.Cpu.TotalMilliseconds / Pages, 2)} ms per page, "
            + $"{F(Overhead(cleaner, ExtractWarm), 0)} % of the process's CPU is not extraction ({F(Overhead(cleaner, ExtractCold), 0)} % against the cold pass); "
            + $"enricher process {F(PerPage(enricher), 2)} vs enrich {F(EnrichWarm.Cpu.TotalMilliseconds / Pages, 2)} ms per page, "
            + $"{F(Overhead(enricher, EnrichWarm), 0)} % is not enrichment ({F(Overhead(enricher, EnrichCold), 0)} % against the cold pass)";
        yield return FormattableString.Invariant($"pipeline: source={Source} pages={Pages} instances={Instances} indexed={Counts.Indexed} rejected={Counts.Rejected} ")
            + $"lost={Counts.Unaccounted} articles_per_s={F(perSecond)} latency_ms_p50={F(Timings.P50Ms, 0)} p95={F(Timings.P95Ms, 0)} p99={F(Timings.P99Ms, 0)} "
            + "cpu_ms_per_article " + string.Join(" ", CpuReadings.Names.Select(n => $"{n}={F(PerPage(cpu[n]), 2)}"))
            + $" together={F(PerPage(parts), 2)} machine={F(PerPage(machine), 2)} extract_warm={F(ExtractWarm.MsPerInput, 2)} "
            + $"enrich_warm={F(EnrichWarm.MsPerInput, 2)} cleaner_overhead={F(Overhead(cleaner, ExtractWarm), 0)}% "
            + $"enricher_overhead={F(Overhead(enricher, EnrichWarm), 0)}% machine_busy={F(machineBusyPct, 0)}% seconds={F(span, 0)}";
    }
}
