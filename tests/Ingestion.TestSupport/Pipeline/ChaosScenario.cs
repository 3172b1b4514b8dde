using System.Diagnostics;
using Npgsql;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>How hard a <see cref="ChaosScenario"/> shakes the pipeline.</summary>
public sealed record ChaosOptions
{
    public int Pages { get; init; } = 2000;
    /// <summary>Pages written into the folder per second (they flow while the faults happen).</summary>
    public int FeedPerSecond { get; init; } = 40;
    /// <summary>RabbitMQ stopped (rabbitmqctl stop) for this long, then started again. Against a cluster
    /// (<see cref="PipelineRun.RabbitCluster"/>): one node killed with kill -9 instead, the one leading most of the
    /// pipeline's queues, and started again after this long. Zero: no broker fault.</summary>
    public TimeSpan BrokerDown { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>PostgreSQL killed with kill -9 and kept down this long, then started again (crash recovery). Zero: no
    /// database fault.</summary>
    public TimeSpan PostgresDown { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>Each service killed with kill -9 once and started again; one of them while PostgreSQL is down.</summary>
    public bool KillServices { get; init; } = true;
    /// <summary>Each service stopped with SIGTERM once (its grace period) and started again.</summary>
    public bool TerminateServices { get; init; } = true;
    /// <summary>How long the pages may take to settle after the last fault.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>What a chaos run found; <see cref="Line"/> is the one line it prints.</summary>
/// <param name="BrokerNode">Against a cluster, the node killed: e.g. "node 1 of 3, leader of 4/4 queues"; null for a single
/// broker (stopped).</param>
public sealed record ChaosReport(PipelineCounts Counts, int EventsReceived, int DistinctEvents, int EventsMissing, int ServicesAlive,
    int ServicesTotal, int QueuesConsumed, int QueuesTotal, TimeSpan BrokerDown, TimeSpan BrokerAway, TimeSpan PostgresDown, int Killed,
    int Terminated, int UnreadyWhileAway, int LiveWhileAway, TimeSpan Elapsed, string? BrokerNode = null, FeedPoliteness? Feeds = null,
    string? QueuesShort = null)
{
    /// <summary>Nothing lost, nothing in an error queue, every page indexed or rejected, one revision per article, every
    /// indexed article's event received, every service alive and consuming (and, when PostgreSQL was down, unready and
    /// alive meanwhile); with the feed source, no feed polled twice in one interval and the per-host spacing held, however
    /// many fetchers.</summary>
    public bool Passed => Counts.Unaccounted == 0 && Counts.InErrors == 0 && Counts.Settled && Counts.ArticlesWithSeveralRevisions == 0
        && Counts.Revisions == Counts.Indexed && EventsMissing == 0 && ServicesAlive == ServicesTotal && QueuesConsumed == QueuesTotal
        && (PostgresDown == TimeSpan.Zero || UnreadyWhileAway == ServicesTotal && LiveWhileAway == ServicesTotal)
        && Feeds is null or { Held: true };

    public string Line =>
        $"chaos: {(Passed ? "PASS" : "FAIL")} {Counts.Describe()}; events {DistinctEvents} distinct of {EventsReceived} received "
        + $"({EventsReceived - DistinctEvents} duplicates), {EventsMissing} missing; services {ServicesAlive}/{ServicesTotal} alive, "
        + $"queues consumed {QueuesConsumed}/{QueuesTotal}{(QueuesShort is { Length: > 0 } q ? $" (short: {q})" : "")}; "
        + (PostgresDown == TimeSpan.Zero ? "" : $"while PostgreSQL was down ready 503 on {UnreadyWhileAway}/{ServicesTotal}, "
            + $"live 200 on {LiveWhileAway}/{ServicesTotal}; ")
        + "faults: "
        + (BrokerNode is null
            ? $"RabbitMQ down {BrokerDown.TotalSeconds:0.0} s ({BrokerAway.TotalSeconds:0.0} s from stop to ready), "
            : $"RabbitMQ {BrokerNode} kill -9 and down {BrokerDown.TotalSeconds:0.0} s ({BrokerAway.TotalSeconds:0.0} s from kill to "
                + "ready), ")
        + (PostgresDown == TimeSpan.Zero ? "" : $"PostgreSQL down {PostgresDown.TotalSeconds:0.0} s (kill -9 to ready), ")
        + $"{Killed} services killed, {Terminated} terminated; "
        + (Feeds is { } f ? f.Describe() + "; " : "") + $"{Elapsed.TotalSeconds:0} s";
}

/// <summary>
/// What the <see cref="LocalFeedServer"/>'s log says of the fetchers' manners: polls of one feed closer than half the
/// shortest poll interval (a feed polled twice in one interval), requests to one host closer than the host delay (less
/// <see cref="TimerTolerance"/> for the server's clock and the database's), the shortest gap, pages downloaded twice.
/// The fetchers hold a host's slot in PostgreSQL from before a request is sent until its answer is read, and the next
/// request may start only the delay after that; the server stamps a request before answering it, so however loaded the
/// machine, two stamps of one host are at least the delay apart: the spacing holds only when no gap is short.
/// </summary>
public sealed record FeedPoliteness(int PollsTooClose, int HostGapsTooClose, TimeSpan? ShortestHostGap, int PagesRequestedTwice,
    TimeSpan HostDelay, int Requests)
{
    /// <summary>How much shorter than the delay a gap may look: the clocks' and timers' granularity, not load.</summary>
    public static readonly TimeSpan TimerTolerance = TimeSpan.FromMilliseconds(20);

    public bool Held => PollsTooClose == 0 && HostGapsTooClose == 0;

    public static FeedPoliteness Of(LocalFeedServer server, TimeSpan minPollInterval, TimeSpan hostDelay)
    {
        var (tooClose, shortest) = server.HostGapsCloserThan(hostDelay - TimerTolerance);
        return new FeedPoliteness(server.PollsCloserThan(minPollInterval / 2), tooClose, shortest, server.PagesRequestedTwice(), hostDelay,
            server.Requests.Count);
    }

    public string Describe() =>
        $"feeds: {Requests} requests, {PollsTooClose} polls within one interval, {HostGapsTooClose} requests to a host closer than "
        + $"{(HostDelay - TimerTolerance).TotalMilliseconds:0} ms (shortest gap {ShortestHostGap?.TotalMilliseconds ?? 0:0} ms, delay "
        + $"{HostDelay.TotalMilliseconds:0} ms), {PagesRequestedTwice} pages downloaded twice";
}

/// <summary>
/// Feeds real pages to a <see cref="PipelineRun"/> and, while they flow, stops RabbitMQ, kills PostgreSQL (kill -9) and
/// keeps it down, kills every service (kill -9) and stops every service (SIGTERM), starting each again; then accounts
/// for every page and every event.
/// </summary>
public sealed class ChaosScenario(PipelineRun run, ChaosOptions options, TextWriter log)
{
    readonly Stopwatch clock = Stopwatch.StartNew();

    void Say(string text) { lock (log) log.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0} s] {text}"); }

    public async Task<ChaosReport> RunAsync(CancellationToken ct = default)
    {
        var pages = CorpusPages.Take(options.Pages);
        if (pages.Count == 0) throw new InvalidOperationException("No corpus pages (../shared/corpus is absent).");
        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feed = Task.Run(async () =>
        {
            var perTick = Math.Max(1, options.FeedPerSecond / 4);
            for (var i = 0; i < pages.Count; i += perTick)
            {
                await run.FeedAsync([.. pages.Skip(i).Take(perTick)], feeding.Token);
                await Task.Delay(250, feeding.Token);
            }
        }, feeding.Token);
        Say($"feeding {pages.Count} pages at {options.FeedPerSecond}/s into "
            + (run.FeedServer is { } server ? $"{server.FeedUrls.Count} feeds on {server.Hosts.Count} hosts" : run.Folder));

        await WaitIndexedAsync(Math.Min(20, pages.Count / 10), TimeSpan.FromMinutes(3), ct);

        // RabbitMQ stops, or one node of the cluster is killed.
        var (brokerDown, brokerAway, brokerNode) = run.RabbitCluster is { } cluster
            ? await KillRabbitNodeAsync(cluster, ct)
            : await StopRabbitAsync(ct);
        if (options.BrokerDown > TimeSpan.Zero) await WaitProgressAsync(pages.Count, ct);

        // PostgreSQL crashes and stays down; a service is killed and started meanwhile (it must wait, not crash-loop).
        var (postgresDown, unready, live, killed) = options.PostgresDown > TimeSpan.Zero
            ? await CrashPostgresAsync(pages.Count, ct)
            : (TimeSpan.Zero, 0, 0, 0);

        // Every service killed once (the enricher already was), then stopped gracefully once.
        if (options.KillServices)
            foreach (var service in PipelineRun.Services.Where(s => s != "enricher"))
            {
                var process = run.Of(service).First();
                Say($"kill -9 {process.Name}");
                await process.RestartAsync(TimeSpan.FromMinutes(3), ct);
                killed++;
                await Task.Delay(2000, ct);
            }
        var terminated = 0;
        if (options.TerminateServices)
            foreach (var service in PipelineRun.Services)
            {
                var process = run.Of(service).Last();
                var exited = await process.TerminateAsync(TimeSpan.FromSeconds(60));
                Say($"SIGTERM {process.Name}: {(exited ? "exited by itself" : "did not exit; killed")}; starting it");
                await process.StartAsync(TimeSpan.FromMinutes(3), ct);
                terminated++;
                await Task.Delay(2000, ct);
            }

        await feed;
        Say($"all {pages.Count} pages written; waiting for them to settle");
        var counts = await run.WaitSettledAsync(pages.Count, options.SettleTimeout, ct);
        // Late duplicates of events may still be in flight right after the last index write.
        await Task.Delay(2000, ct);
        counts = await run.CountAsync(pages.Count, ct);
        var events = await run.Subscriber.DrainAsync();
        var received = events.Select(e => e.EventId).ToHashSet();
        var expected = await IndexedEventIdsAsync(ct);
        var alive = run.Processes.Count(p => p.IsRunning);
        var (consumers, consumersSeen) = await ConsumersAsync(counts.Consumers, ct);
        Say(consumersSeen);
        var consumed = consumers.Count(c => c.Value >= run.Settings.Instances);
        var report = new ChaosReport(counts, events.Count, received.Count, expected.Count(e => !received.Contains(e)), alive,
            run.Processes.Count, consumed, PipelineRun.Queues.Length, brokerDown, brokerAway, postgresDown, killed, terminated,
            unready, live, clock.Elapsed, brokerNode, run.FeedServer is { } feeds
                ? FeedPoliteness.Of(feeds, PipelineRun.FeedMinPollInterval, TimeSpan.FromMilliseconds(run.Settings.FeedHostDelayMs)) : null,
            string.Join(", ", consumers.Where(c => c.Value < run.Settings.Instances).Select(c => $"{c.Key} {c.Value}/{run.Settings.Instances}")));
        Say(report.Line);
        return report;
    }

    /// <summary>
    /// The consumers of each service queue, as every node's management API lists them per channel (the queue's own
    /// consumer count is what a quorum queue's leader reports: after a failover it has been seen to stay one short while
    /// every process's connection held its consumer). Read again for up to 30 s while a queue is short, a reconnection may
    /// still be settling. Returns, per queue, the fewest connections any node lists, and a line saying what each source said.
    /// </summary>
    async Task<(Dictionary<string, int> Consumers, string Seen)> ConsumersAsync(IReadOnlyDictionary<string, int> counted,
        CancellationToken ct)
    {
        var nodes = run.RabbitCluster?.Nodes ?? [run.Rabbit];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var listed = new Dictionary<string, int>();
            var perNode = new List<string>();
            foreach (var node in nodes)
            {
                using var management = node.Management();
                try
                {
                    var consumers = await management.ConsumersAsync(ct: ct);
                    var byQueue = PipelineRun.Queues.ToDictionary(q => q, q => consumers.Where(c => c.Queue == q).Select(c => c.Connection)
                        .Distinct().Count());
                    foreach (var (queue, n) in byQueue) listed[queue] = Math.Min(listed.GetValueOrDefault(queue, int.MaxValue), n);
                    perNode.Add($"{node.NodeName}: " + string.Join(" ", byQueue.Select(q => $"{q.Key} {q.Value}")));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    perNode.Add($"{node.NodeName}: {e.GetType().Name}");
                }
            }
            foreach (var queue in PipelineRun.Queues) listed.TryAdd(queue, 0);
            var seen = $"consumers per queue (queue's count / connections listed, fewest over {nodes.Count} node(s)) of "
                + $"{run.Settings.Instances} processes each: "
                + string.Join(", ", PipelineRun.Queues.Select(q => $"{q} {counted.GetValueOrDefault(q)}/{listed[q]}"))
                + "; " + string.Join("; ", perNode);
            if (listed.Values.All(n => n >= run.Settings.Instances) || DateTime.UtcNow > deadline) return (listed, seen);
            Say("a queue is short of consumers; reading again: " + seen);
            await Task.Delay(3000, ct);
        }
    }

    /// <summary>rabbitmqctl stop, <see cref="ChaosOptions.BrokerDown"/>, start again: (down, stop to ready, null).</summary>
    async Task<(TimeSpan Down, TimeSpan Away, string? Node)> StopRabbitAsync(CancellationToken ct)
    {
        if (options.BrokerDown <= TimeSpan.Zero) return (TimeSpan.Zero, TimeSpan.Zero, null);
        var started = Stopwatch.GetTimestamp();
        Say("stopping RabbitMQ");
        await run.Rabbit.StopAsync();
        var down = Stopwatch.GetTimestamp();
        Say($"RabbitMQ stopped (rabbitmqctl stop took {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s); down for {options.BrokerDown.TotalSeconds:0} s");
        await Task.Delay(options.BrokerDown, ct);
        var brokerDown = Stopwatch.GetElapsedTime(down);
        await run.Rabbit.StartAgainAsync();
        var brokerAway = Stopwatch.GetElapsedTime(started);
        Say($"RabbitMQ started again: down {brokerDown.TotalSeconds:0.0} s, away {brokerAway.TotalSeconds:0.0} s from stop to ready");
        return (brokerDown, brokerAway, null);
    }

    /// <summary>
    /// kill -9 of the node leading most of the pipeline's quorum queues (node 1 when none is known), kept down
    /// <see cref="ChaosOptions.BrokerDown"/> while the others elect new leaders, then started again: (down, kill to ready,
    /// which node).
    /// </summary>
    async Task<(TimeSpan Down, TimeSpan Away, string? Node)> KillRabbitNodeAsync(ThrowawayRabbitCluster cluster, CancellationToken ct)
    {
        if (options.BrokerDown <= TimeSpan.Zero) return (TimeSpan.Zero, TimeSpan.Zero, null);
        var leaders = (await run.Management.QueuesAsync(ct: ct)).Where(q => PipelineRun.Queues.Contains(q.Name))
            .GroupBy(q => q.Node).OrderByDescending(g => g.Count()).FirstOrDefault();
        var node = leaders is null ? 0 : Math.Max(0, cluster.IndexOf(leaders.Key));
        var name = $"node {node + 1} of {cluster.Nodes.Count}, leader of {leaders?.Count() ?? 0}/{PipelineRun.Queues.Length} queues";
        Say($"kill -9 RabbitMQ {cluster.Nodes[node].NodeName} ({name}); down for {options.BrokerDown.TotalSeconds:0} s");
        var killed = Stopwatch.GetTimestamp();
        await cluster.Kill9Async(node);
        await Task.Delay(options.BrokerDown, ct);
        var down = Stopwatch.GetElapsedTime(killed);
        await cluster.StartAgainAsync(node);
        var away = Stopwatch.GetElapsedTime(killed);
        Say($"RabbitMQ {cluster.Nodes[node].NodeName} started again: down {down.TotalSeconds:0.0} s, {away.TotalSeconds:0.0} s from kill to ready");
        return (down, away, name);
    }

    /// <summary>
    /// kill -9 of PostgreSQL, kept down <see cref="ChaosOptions.PostgresDown"/>, with the services' health read meanwhile
    /// and the enricher killed and started during the outage: (kill to ready, unready count, live count, services killed).
    /// </summary>
    async Task<(TimeSpan Down, int Unready, int Live, int Killed)> CrashPostgresAsync(int total, CancellationToken ct)
    {
        Say("kill -9 PostgreSQL");
        await run.Postgres.Kill9Async();
        var started = Stopwatch.GetTimestamp();
        var killed = 0;
        // While the database is away every service says it is not ready, and still alive (no orchestrator restarts it).
        var healthWait = TimeSpan.FromSeconds(Math.Min(5, options.PostgresDown.TotalSeconds / 4));
        await Task.Delay(healthWait, ct);
        var health = await Task.WhenAll(run.Processes.Select(async p => (Ready: await p.StatusOfAsync("/health/ready", ct),
            Live: await p.StatusOfAsync("/health/live", ct))));
        var unready = health.Count(h => h.Ready == 503);
        var live = health.Count(h => h.Live == 200);
        Say($"PostgreSQL down: /health/ready 503 on {unready}/{health.Length}, /health/live 200 on {live}/{health.Length}");
        ServiceProcess? startedDuringOutage = null;
        if (options.KillServices && run.Of("enricher").FirstOrDefault() is { } enricher)
        {
            await Task.Delay(TimeSpan.FromTicks(Math.Max(0, options.PostgresDown.Ticks / 3 - healthWait.Ticks)), ct);
            Say($"kill -9 {enricher.Name} while PostgreSQL is down, and start it");
            enricher.Kill();
            enricher.Start();
            startedDuringOutage = enricher;
            killed++;
            await Task.Delay(TimeSpan.FromTicks(options.PostgresDown.Ticks * 2 / 3), ct);
        }
        else
            await Task.Delay(options.PostgresDown - healthWait, ct);
        await run.Postgres.RestartAsync();
        var postgresDown = Stopwatch.GetElapsedTime(started);
        Say($"PostgreSQL started again after {postgresDown.TotalSeconds:0.0} s");
        if (startedDuringOutage is not null)
            await startedDuringOutage.WaitReadyAsync(TimeSpan.FromMinutes(3), ct);
        await WaitProgressAsync(total, ct);
        return (postgresDown, unready, live, killed);
    }

    async Task<List<Guid>> IndexedEventIdsAsync(CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(run.Postgres.ConnectionString() + ";Pooling=false");
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("select (event->>'eventId')::uuid from indexer.revisions where event is not null", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    async Task<long> IndexedAsync(CancellationToken ct)
    {
        try
        {
            var counts = await run.CountAsync(0, ct);
            return counts.Indexed + counts.Rejected;
        }
        catch (Exception e) when (e is NpgsqlException or HttpRequestException or IOException) { return -1; }
    }

    async Task WaitIndexedAsync(long atLeast, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await IndexedAsync(ct) < atLeast)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fewer than {atLeast} pages indexed after {timeout}:\n{run.Logs()}");
            await Task.Delay(500, ct);
        }
    }

    /// <summary>Waits until the pipeline has moved on after a fault (one more page indexed or rejected), at most two minutes.</summary>
    async Task WaitProgressAsync(int total, CancellationToken ct)
    {
        var before = await IndexedAsync(ct);
        if (before >= total) return;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await IndexedAsync(ct) <= before && DateTime.UtcNow < deadline)
            await Task.Delay(500, ct);
        Say($"flowing again: {await IndexedAsync(ct)} indexed or rejected");
    }
}
