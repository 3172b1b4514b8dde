using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>
/// The four services as separate processes on a database and a RabbitMQ virtual host of their own,
/// ingesting a folder of this test's own.
/// </summary>
public sealed class TestPipeline : IAsyncDisposable
{
    /// <summary>Consumers first, as run.sh starts them, so each queue exists before anything is published to it.</summary>
    public static readonly string[] Services = ["Indexer", "Enricher", "Cleaner", "Fetcher"];

    readonly LocalServers servers;
    readonly Dictionary<string, ServiceProcess> processes = new();

    TestPipeline(LocalServers servers, string name, string connectionString, string folder)
    {
        this.servers = servers;
        Name = name;
        ConnectionString = connectionString;
        Folder = folder;
        Rabbit = servers.RabbitManagement();
    }

    public string Name { get; }
    public string ConnectionString { get; }
    public string Folder { get; }
    public RabbitManagement Rabbit { get; }
    public string VirtualHost => Name;
    public HttpClient Indexer { get; private set; } = new();
    public IReadOnlyDictionary<string, ServiceProcess> Processes => processes;

    TestBus? bus;

    /// <summary>A MassTransit bus on this pipeline's virtual host, started on first use, to publish what a stage would.</summary>
    public async Task<TestBus> BusAsync() =>
        bus ??= await TestBus.StartAsync(servers.RabbitHost, servers.RabbitPort, VirtualHost);

    public static async Task<TestPipeline> CreateAsync(LocalServers servers, string name)
    {
        name = name.ToLowerInvariant() + "_" + Guid.NewGuid().ToString("N")[..6];
        var cs = await servers.CreateDatabaseAsync(name);
        var folder = Path.Combine(Path.GetTempPath(), "ingestion-" + name);
        Directory.CreateDirectory(folder);
        var pipeline = new TestPipeline(servers, name, cs, folder);
        await pipeline.Rabbit.CreateVirtualHostAsync(name);
        return pipeline;
    }

    /// <summary>Starts the given services (all four by default), each waiting until ready.</summary>
    public async Task StartAsync(params string[] services)
    {
        foreach (var s in services.Length == 0 ? Services : services)
            await StartServiceAsync(s);
    }

    /// <summary>Starts <paramref name="service"/> and waits until it is ready. <paramref name="instance"/> names a further
    /// instance of it (its key in <see cref="Processes"/>; the service's name by default): several instances share the
    /// database and the queues.</summary>
    public async Task StartServiceAsync(string service, IReadOnlyDictionary<string, string>? extra = null, string? instance = null)
    {
        var key = instance ?? service;
        if (processes.Remove(key, out var old))
            await old.DisposeAsync();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var env = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = ConnectionString,
            ["RabbitMq__Host"] = servers.RabbitHost,
            ["RabbitMq__Port"] = servers.RabbitPort.ToString(),
            ["RabbitMq__VirtualHost"] = VirtualHost,
            ["RabbitMq__RetryIntervalsMs__0"] = "50",
            ["RabbitMq__RetryIntervalsMs__1"] = "100",
            ["RabbitMq__RetryIntervalsMs__2"] = "200",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = servers.OtlpEndpoint,
            ["OTEL_SERVICE_NAME"] = service.ToLowerInvariant(),
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
            ["Fetcher__Folders__0"] = Folder,
            ["Fetcher__CycleSeconds"] = "1",
            ["Fetcher__AllowLoopback"] = "true",
            // The services' own per-article lines (Debug in production) are evidence some tests read.
            ["Logging__LogLevel__Ingestion"] = "Debug",
        };
        if (extra is not null)
            foreach (var (k, v) in extra) env[k] = v;
        var process = ServiceProcess.For(service, env, url);
        processes[key] = process;
        await process.StartAsync();
        if (key == "Indexer")
            Indexer = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Kill(string service) => processes[service].Kill();

    public NpgsqlConnection OpenDb() => new(ConnectionString);

    /// <summary>Backends of this database waiting for a lock (a row, a table, an advisory lock, another transaction).</summary>
    public Task<long> LockWaitersAsync() => CountAsync(
        "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");

    public async Task<long> CountAsync(string sql)
    {
        await using var conn = OpenDb();
        try { return await conn.ExecuteScalarAsync<long>(sql); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable) { return 0; }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails with every service's output.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(300);
        }
        throw new TimeoutException($"Timed out after {timeout} waiting for: {what}\n{Logs()}");
    }

    public async Task<JsonElement> SearchAsync(string query) =>
        await Indexer.GetFromJsonAsync<JsonElement>("/search?q=" + Uri.EscapeDataString(query));

    public string Logs() => string.Join("\n", processes.Values.Select(p => p.Output));

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.DisposeAsync();
        foreach (var p in processes.Values)
            await p.DisposeAsync();
        Indexer.Dispose();
        await Rabbit.DeleteVirtualHostAsync(VirtualHost);
        Rabbit.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
