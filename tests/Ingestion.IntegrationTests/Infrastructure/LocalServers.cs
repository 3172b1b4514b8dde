using Npgsql;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL, RabbitMQ and an OTLP trace receiver (the Aspire dashboard) for the whole test run.
/// Each is started as a throwaway local process in a temporary folder with free ports — unless named by environment:
/// <c>INGESTION_TEST_POSTGRES</c> (a connection string of a superuser), <c>INGESTION_TEST_RABBITMQ</c>
/// (<c>host:amqpPort:managementPort</c>, user guest), <c>INGESTION_TEST_DASHBOARD</c> (<c>uiUrl|otlpGrpcUrl</c>).
/// </summary>
public sealed class LocalServers : IAsyncLifetime
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "ingestion-tests-" + Guid.NewGuid().ToString("N")[..8]);
    readonly List<Func<Task>> stops = [];

    public string PostgresAdmin { get; private set; } = "";
    public string RabbitHost { get; private set; } = "127.0.0.1";
    public int RabbitPort { get; private set; }
    public int RabbitManagementPort { get; private set; }
    public string DashboardUrl { get; private set; } = "";
    public string OtlpEndpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dir);
        await Task.WhenAll(StartPostgresAsync(), StartRabbitAsync(), StartDashboardAsync());
    }

    async Task StartPostgresAsync()
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_POSTGRES") is { Length: > 0 } given)
        {
            PostgresAdmin = given;
            return;
        }
        var port = FreePort.Next();
        var pgDir = Path.Combine(dir, "postgres");
        await Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "postgres.sh"), "start", pgDir, port.ToString(), "--ephemeral");
        stops.Add(() => Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "postgres.sh"), "stop", pgDir));
        PostgresAdmin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    async Task StartRabbitAsync()
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_RABBITMQ") is { Length: > 0 } given)
        {
            var parts = given.Split(':');
            (RabbitHost, RabbitPort, RabbitManagementPort) = (parts[0], int.Parse(parts[1]), int.Parse(parts[2]));
            return;
        }
        (RabbitPort, RabbitManagementPort) = (FreePort.Next(), FreePort.Next());
        var rmqDir = Path.Combine(dir, "rabbitmq");
        await Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "rabbitmq.sh"), "start", rmqDir, RabbitPort.ToString(),
            RabbitManagementPort.ToString());
        stops.Add(() => Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "rabbitmq.sh"), "stop", rmqDir));
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
        await Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "dashboard.sh"), "start", dashDir, ui.ToString(), grpc.ToString(), http.ToString());
        stops.Add(() => Shell.RunAsync("bash", Path.Combine(RepoPaths.Deploy, "dashboard.sh"), "stop", dashDir));
        DashboardUrl = $"http://127.0.0.1:{ui}";
        OtlpEndpoint = $"http://127.0.0.1:{grpc}";
    }

    public async Task DisposeAsync()
    {
        foreach (var stop in stops)
        {
            try { await stop(); }
            catch (Exception e) { Console.Error.WriteLine("Stopping a test server failed: " + e.Message); }
        }
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>A fresh database for one test.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var conn = new NpgsqlConnection(PostgresAdmin);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"create database \"{name}\"", conn))
            await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true }.ConnectionString;
    }
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<LocalServers>
{
    public const string Name = "servers";
}
