using Ingestion.Hosting.Resilience;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ingestion.Hosting.Persistence;

/// <summary>A service's addition to its data source before it is built (e.g. a type converter); registered as a singleton.</summary>
public sealed record DataSourceConfiguration(Action<NpgsqlDataSourceBuilder> Configure);

/// <summary>Migrations of a shared store a service uses (e.g. <c>AddStageResults</c>), applied after the service's own; a
/// singleton.</summary>
public sealed record SharedMigrations(System.Reflection.Assembly Assembly);

public static class PostgresExtensions
{
    /// <summary>Local default; override with <c>ConnectionStrings:Postgres</c> (env <c>ConnectionStrings__Postgres</c>).</summary>
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=postgres;Database=ingestion";

    /// <summary>Registers one <see cref="NpgsqlDataSource"/> for the service and its schema migrator.</summary>
    public static WebApplicationBuilder AddIngestionPostgres(this WebApplicationBuilder builder, ServiceInfo service)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres") ?? DefaultConnectionString;
        var schema = builder.Configuration["Postgres:Schema"] ?? service.Name;
        // Every statement of the service runs in its own schema: its SQL never names one.
        var csb = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "ingestion-" + service.Name,
            SearchPath = schema + ",public",
        };
        // Statements a service runs again and again are prepared once per connection (skips parsing and planning);
        // a connection string that sets Max Auto Prepare keeps its value.
        if (csb.MaxAutoPrepare == 0) csb.MaxAutoPrepare = 64;
        // Postgres:PlanCacheMode (e.g. force_custom_plan): how PostgreSQL plans those prepared statements. A service whose
        // statements depend on their values (the indexer's searches) plans each execution for its values.
        if (builder.Configuration["Postgres:PlanCacheMode"] is { Length: > 0 } planCacheMode)
            csb.Options = $"{csb.Options} -c plan_cache_mode={planCacheMode}".Trim();
        // Postgres:ToastCompression (default lz4; empty: the server's default, pglz): how PostgreSQL compresses the large
        // values the services write (page bodies, stored outcomes, article texts). lz4 costs a fraction of pglz's CPU.
        var toastCompression = builder.Configuration["Postgres:ToastCompression"] ?? "lz4";
        if (toastCompression.Length > 0)
            csb.Options = $"{csb.Options} -c default_toast_compression={toastCompression}".Trim();
        builder.Services.AddSingleton(sp =>
        {
            var dataSource = new NpgsqlDataSourceBuilder(csb.ConnectionString);
            foreach (var configuration in sp.GetServices<DataSourceConfiguration>()) configuration.Configure(dataSource);
            return dataSource.Build();
        });
        builder.Services.AddSingleton(sp => new SchemaMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(),
            schema,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SchemaMigrator>>()));
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Applies the service's SQL migrations before the service starts, waiting for the database as long as for any
    /// outage (<see cref="ResilienceOptions.OutageCeilingSeconds"/>): a service started while PostgreSQL is away waits
    /// for it instead of exiting and being restarted in a loop.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app, IEnumerable<System.Reflection.Assembly> migrationAssemblies)
    {
        var migrator = app.Services.GetRequiredService<SchemaMigrator>();
        var monitor = app.Services.GetRequiredService<DependencyMonitor>();
        await monitor.WaitOutAsync(ct => migrator.MigrateAsync(migrationAssemblies, ct), app.Lifetime.ApplicationStopping);
    }
}
