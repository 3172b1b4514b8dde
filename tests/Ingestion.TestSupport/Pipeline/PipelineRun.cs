using System.Globalization;
using Npgsql;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>Where the fetcher of a <see cref="PipelineRun"/> finds the pages.</summary>
public enum PipelineSource
{
    /// <summary>Files written into <see cref="PipelineRun.Folder"/>, which the fetcher scans every second.</summary>
    Folder,
    /// <summary>RSS feeds of a <see cref="LocalFeedServer"/> on 127.0.0.1 (<see cref="PipelineRun.FeedServer"/>), polled every second or two.</summary>
    Feed,
}

/// <summary>What a <see cref="PipelineRun"/> starts: how many processes of each service, and how they are configured.</summary>
public sealed record PipelineSettings
{
    /// <summary>Processes of each of the cleaner, enricher and indexer (competing consumers).</summary>
    public int Instances { get; init; } = 1;
    /// <summary>Processes of the fetcher (several read the same folder, or poll the same feeds: they share the work through
    /// leases and per-host slots in PostgreSQL).</summary>
    public int Fetchers { get; init; } = 1;
    /// <summary>A durable PostgreSQL (fsync and synchronous commit on): what a kill -9 must not lose.</summary>
    public bool DurablePostgres { get; init; } = true;
    /// <summary>More environment for every service (e.g. Resilience__OutageCeilingSeconds).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>Where the fetcher finds the pages <see cref="PipelineRun.FeedAsync"/> is given.</summary>
    public PipelineSource Source { get; init; } = PipelineSource.Folder;
    /// <summary>Feeds of the <see cref="LocalFeedServer"/> (<see cref="PipelineSource.Feed"/>).</summary>
    public int Feeds { get; init; } = 20;
    /// <summary>Hosts (ports) the feeds are spread over (<see cref="PipelineSource.Feed"/>).</summary>
    public int FeedHosts { get; init; } = 1;
    /// <summary>The fetcher's pause between two requests to one host (Fetcher__HostMinDelayMs) for the local feed server.</summary>
    public int FeedHostDelayMs { get; init; } = 10;
    /// <summary>RabbitMQ nodes: 1, a single broker; more, a <see cref="ThrowawayRabbitCluster"/> the services reach through
    /// RabbitMq__Hosts, with quorum queues (RabbitMq__QuorumQueues).</summary>
    public int RabbitNodes { get; init; } = 1;
}

/// <summary>
/// The platform as it runs in production, on this machine: a PostgreSQL and a RabbitMQ of its own, the four built
/// services as processes (N of each), a folder source the fetcher scans (or a <see cref="LocalFeedServer"/> whose feeds it
/// polls: <see cref="PipelineSettings.Source"/>), and a durable queue bound to
/// <c>ArticleIndexed</c> before anything is indexed, as a subscriber's would be. Faults are injected through
/// <see cref="Postgres"/>, <see cref="Rabbit"/> (or <see cref="RabbitCluster"/>) and <see cref="Processes"/>;
/// <see cref="CountAsync"/> says where every page is.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    /// <summary>Consumers first, so each queue exists before anything is published to it.</summary>
    public static readonly string[] Services = ["indexer", "enricher", "cleaner", "fetcher"];
    /// <summary>The queues the services consume from, and so their error queues.</summary>
    public static readonly string[] Queues = ["cleaner", "enricher", "indexer", "indexer-rejections"];

    /// <summary>The shortest poll interval the fetchers are given with the feed source (Fetcher__FeedMinPollSeconds).</summary>
    public static readonly TimeSpan FeedMinPollInterval = TimeSpan.FromSeconds(1);

    readonly TextWriter log;
    readonly List<ServiceProcess> processes = [];

    PipelineRun(PipelineSettings settings, ThrowawayPostgres postgres, IAsyncDisposable broker, string folder, TextWriter log)
    {
        (Settings, Postgres, Folder, this.log) = (settings, postgres, folder, log);
        RabbitCluster = broker as ThrowawayRabbitCluster;
        Rabbit = RabbitCluster?.Nodes[0] ?? (ThrowawayRabbit)broker;
        if (settings.Source == PipelineSource.Feed) FeedServer = new LocalFeedServer(settings.Feeds, settings.FeedHosts);
        Management = RabbitCluster?.Management() ?? Rabbit.Management();
        Subscriber = new EventSubscriberQueue(Rabbit.Host,
            RabbitCluster?.Nodes.Select(n => n.AmqpPort).ToList() ?? [Rabbit.AmqpPort], "pipeline-run-subscriber");
    }

    public PipelineSettings Settings { get; }
    public ThrowawayPostgres Postgres { get; }
    /// <summary>The broker, or node 1 of <see cref="RabbitCluster"/>.</summary>
    public ThrowawayRabbit Rabbit { get; }
    /// <summary>The cluster (<see cref="PipelineSettings.RabbitNodes"/> &gt; 1), else null.</summary>
    public ThrowawayRabbitCluster? RabbitCluster { get; }
    public RabbitManagement Management { get; }
    public EventSubscriberQueue Subscriber { get; }
    /// <summary>The fetcher's folder source: a page written here is ingested.</summary>
    public string Folder { get; }
    /// <summary>The feed source's server (<see cref="PipelineSource.Feed"/>), else null.</summary>
    public LocalFeedServer? FeedServer { get; }
    public IReadOnlyList<ServiceProcess> Processes => processes;

    /// <summary>The processes of one service.</summary>
    public IEnumerable<ServiceProcess> Of(string service) =>
        processes.Where(p => p.Name.StartsWith(service + "-", StringComparison.Ordinal));

    /// <summary>Starts the servers, binds the subscriber queue, then starts every service and waits until each is ready.</summary>
    public static async Task<PipelineRun> StartAsync(PipelineSettings settings, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("ingestion-pipeline-").FullName;
        var servers = await Task.WhenAll(
            Task.Run<IAsyncDisposable>(async () => await ThrowawayPostgres.StartAsync(ephemeral: !settings.DurablePostgres, log: log)),
            Task.Run<IAsyncDisposable>(async () => settings.RabbitNodes > 1
                ? await ThrowawayRabbitCluster.StartAsync(settings.RabbitNodes, log)
                : await ThrowawayRabbit.StartAsync(log: log)));
        var run = new PipelineRun(settings, (ThrowawayPostgres)servers[0], servers[1], folder, log);
        try
        {
            await run.Subscriber.BindAsync();
            foreach (var service in Services)
            {
                var count = service == "fetcher" ? settings.Fetchers : settings.Instances;
                for (var i = 0; i < count; i++)
                    run.processes.Add(run.Create(service, i));
            }
            // Start each service's processes together, the services in order.
            foreach (var service in Services)
                await Task.WhenAll(run.Of(service).Select(p => p.StartAsync(TimeSpan.FromMinutes(3))));
            return run;
        }
        catch
        {
            log.WriteLine(run.Logs(60));
            await run.DisposeAsync();
            throw;
        }
    }

    ServiceProcess Create(string service, int instance)
    {
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = Postgres.ConnectionString(),
            ["RabbitMq__Host"] = Rabbit.Host,
            ["RabbitMq__Port"] = Rabbit.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["Fetcher__Folders__0"] = Folder,
            ["Fetcher__CycleSeconds"] = "1",
            ["Resilience__ProbeSeconds"] = "1",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["OTEL_SERVICE_NAME"] = $"{service}-{instance}",
        };
        if (RabbitCluster is { } cluster)
        {
            env["RabbitMq__Hosts"] = cluster.Hosts;
            env["RabbitMq__QuorumQueues"] = "true";
        }
        if (FeedServer is { } server)
        {
            env["Fetcher__AllowLoopback"] = "true";
            env["Fetcher__HostMinDelayMs"] = Settings.FeedHostDelayMs.ToString(CultureInfo.InvariantCulture);
            env["Fetcher__FeedPollSeconds"] = "1";
            env["Fetcher__FeedMinPollSeconds"] = FeedMinPollInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            env["Fetcher__FeedMaxPollSeconds"] = "2";
            for (var i = 0; i < server.FeedUrls.Count; i++)
            {
                env[$"Fetcher__Feeds__{i}__Url"] = server.FeedUrls[i];
                env[$"Fetcher__Feeds__{i}__Name"] = $"local feed {i}";
            }
        }
        foreach (var (k, v) in Settings.Environment) env[k] = v;
        return new ServiceProcess($"{service}-{instance}", RepoPaths.ServiceDll(char.ToUpperInvariant(service[0]) + service[1..]), env,
            $"http://127.0.0.1:{FreePort.Next()}");
    }

    /// <summary>
    /// Gives the pages to the fetcher's source: writes them into <see cref="Folder"/>, or publishes them in the feeds of
    /// <see cref="FeedServer"/> (all at once; their next poll finds them).
    /// </summary>
    public async Task FeedAsync(IReadOnlyList<CorpusPage> pages, CancellationToken ct = default)
    {
        if (FeedServer is { } server)
            server.Publish(pages);
        else
            foreach (var page in pages) await CorpusPages.WriteAsync(page, Folder, ct);
    }

    /// <summary>Where every page is now (see <see cref="PipelineCounts"/>).</summary>
    public async Task<PipelineCounts> CountAsync(int fed, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(Postgres.ConnectionString() + ";Timeout=5;Command Timeout=30;Pooling=false");
        await conn.OpenAsync(ct);
        long Scalar(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, conn);
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        bool Exists(string table)
        {
            using var cmd = new NpgsqlCommand("select to_regclass(@t) is not null", conn);
            cmd.Parameters.AddWithValue("t", table);
            return (bool)cmd.ExecuteScalar()!;
        }
        var ready = Exists("fetcher.pages") && Exists("indexer.articles") && Exists("indexer.rejections");
        var recorded = ready ? Scalar("select count(distinct article_id) from fetcher.pages") : 0;
        var indexed = ready ? Scalar("select count(*) from indexer.articles") : 0;
        var rejected = ready
            ? Scalar("select count(distinct article_id) from indexer.rejections where article_id not in (select article_id from "
                + "indexer.articles)") : 0;
        var revisions = ready ? Scalar("select count(*) from indexer.revisions where event is not null") : 0;
        var multiple = ready
            ? Scalar("select count(*) from (select article_id from indexer.revisions where event is not null group by article_id having "
                + "count(*) > 1) m") : 0;
        var reasons = new Dictionary<string, long>();
        if (ready)
        {
            await using var cmd = new NpgsqlCommand("""
                select reason, count(distinct article_id) from indexer.rejections
                where article_id not in (select article_id from indexer.articles) group by reason order by 2 desc
                """, conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) reasons[reader.GetString(0)] = reader.GetInt64(1);
        }
        var queued = 0L;
        var errors = new Dictionary<string, long>();
        var consumers = new Dictionary<string, int>();
        foreach (var queue in Queues)
        {
            var state = await Management.QueueAsync(queue, ct: ct);
            queued += state?.Messages ?? 0;
            consumers[queue] = state?.Consumers ?? 0;
            if (await Management.QueueAsync(queue + "_error", ct: ct) is { Messages: > 0 } error)
                errors[queue + "_error"] = error.Messages;
        }
        return new PipelineCounts(fed, recorded, indexed, rejected, errors, queued, revisions, multiple, reasons, consumers);
    }

    /// <summary>
    /// Waits until every fed page is indexed, rejected or in an error queue and nothing is left in the stages' queues, or
    /// until <paramref name="timeout"/>; returns the last counts. Faults in the servers meanwhile are waited through.
    /// </summary>
    public async Task<PipelineCounts> WaitSettledAsync(int fed, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        PipelineCounts? last = null;
        while (true)
        {
            try
            {
                last = await CountAsync(fed, ct);
                if (last.Settled) return last;
            }
            catch (Exception e) when (e is NpgsqlException or HttpRequestException or TaskCanceledException or IOException) { }
            if (DateTime.UtcNow > deadline) return last ?? await CountAsync(fed, ct);
            await Task.Delay(1000, ct);
        }
    }

    /// <summary>The last lines of every process's output.</summary>
    public string Logs(int lines = 40) =>
        string.Join("\n", processes.Select(p => $"--- {p.Name} (started {p.Starts}x)\n{p.LastLines(lines)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var p in processes) await p.DisposeAsync();
        Management.Dispose();
        if (RabbitCluster is not null) await RabbitCluster.DisposeAsync();
        else await Rabbit.DisposeAsync();
        await Postgres.DisposeAsync();
        if (FeedServer is not null) await FeedServer.DisposeAsync();
        try { Directory.Delete(Folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        log.Flush();
    }
}
