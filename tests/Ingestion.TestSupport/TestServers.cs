using Npgsql;

namespace Ingestion.TestSupport;

/// <summary>
/// Real PostgreSQL, RabbitMQ and an OTLP trace receiver (the Aspire dashboard) for a test run or a harness. Each is
/// started as a throwaway local process in a temporary folder with free ports — unless named by environment:
/// <c>INGESTION_TEST_POSTGRES</c> (a connection string of a superuser), <c>INGESTION_TEST_RABBITMQ</c>
/// (<c>host:amqpPort:managementPort</c>, user guest), <c>INGESTION_TEST_DASHBOARD</c> (<c>uiUrl|otlpGrpcUrl</c>).
/// <see cref="Postgres"/> and <see cref="Rabbit"/> are the throwaway servers (null when named by environment), for
/// faults: kill and restart them.
/// </summary>
public class TestServers : IAsyncDisposable
{
    readonly string dir = ThrowawayPostgres.TempDir("tests");
    readonly List<Func<Task>> stops = [];

    public string PostgresAdmin { get; private set; } = "";
    public string RabbitHost { get; private set; } = "127.0.0.1";
    public int RabbitPort { get; private set; }
    public int RabbitManagementPort { get; private set; }
    public string DashboardUrl { get; private set; } = "";
    public string OtlpEndpoint { get; private set; } = "";

    public ThrowawayPostgres? Postgres { get; private set; }
    public ThrowawayRabbit? Rabbit { get; private set; }

    /// <summary>Starts what the environment does not name, all at once; <paramref name="dashboard"/>: the trace receiver too.</summary>
    public async Task StartAsync(bool dashboard = true)
    {
        Directory.CreateDirectory(dir);
        await Task.WhenAll(StartPostgresAsync(), StartRabbitAsync(), dashboard ? StartDashboardAsync() : Task.CompletedTask);
    }

    async Task StartPostgresAsync()
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_POSTGRES") is { Length: > 0 } given)
        {
            PostgresAdmin = given;
            return;
        }
        Postgres = await ThrowawayPostgres.StartAsync(Path.Combine(dir, "postgres"));
        stops.Add(() => Postgres.DisposeAsync().AsTask());
        PostgresAdmin = Postgres.ConnectionString("postgres") + ";Pooling=false";
    }

    async Task StartRabbitAsync()
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ") is { Length: > 0 } given)
        {
            var parts = given.Split(':');
            (RabbitHost, RabbitPort, RabbitManagementPort) = (parts[0], int.Parse(parts[1]), int.Parse(parts[2]));
            return;
        }
        Rabbit = await ThrowawayRabbit.StartAsync(Path.Combine(dir, "rabbitmq"));
        stops.Add(() => Rabbit.DisposeAsync().AsTask());
        (RabbitHost, RabbitPort, RabbitManagementPort) = (Rabbit.Host, Rabbit.AmqpPort, Rabbit.ManagementPort);
    }

    async Task StartDashboardAsync()
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_DASHBOARD") is { Length: > 0 } given)
        {
            var parts = given.Split('|');
            (DashboardUrl, OtlpEndpoint) = (parts[0], parts[1]);
            return;
        }
        var (ui, grpc, http) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var dashDir = Path.Combine(dir, "dashboard");
        await Shell.DeployScriptAsync("dashboard.sh", null, "start", dashDir, ui.ToString(), grpc.ToString(), http.ToString());
        stops.Add(() => Shell.DeployScriptAsync("dashboard.sh", null, "stop", dashDir));
        DashboardUrl = $"http://127.0.0.1:{ui}";
        OtlpEndpoint = $"http://127.0.0.1:{grpc}";
    }

    /// <summary>The RabbitMQ management API (the caller disposes it).</summary>
    public RabbitManagement RabbitManagement() => new(RabbitHost, RabbitManagementPort);

    /// <summary>A fresh database; returns its connection string (pooled).</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"create database \"{name}\"", conn))
            await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        var running = stops.ToList();
        stops.Clear(); // disposed once, however often it is asked
        foreach (var stop in running)
        {
            try { await stop(); }
            catch (Exception e) { Console.Error.WriteLine("Stopping a test server failed: " + e.Message); }
        }
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
