using Ingestion.Hosting.Health;
using Ingestion.Hosting.Messaging;
using Ingestion.Hosting.Persistence;
using Ingestion.Hosting.Resilience;
using Ingestion.Hosting.Telemetry;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Hosting;

/// <summary>The one call that gives a service the project's defaults.</summary>
public static class IngestionHost
{
    public static WebApplicationBuilder CreateBuilder(string serviceName, string[] args,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var service = new ServiceInfo(serviceName);
        builder.Services.AddSingleton(service);
        builder.AddIngestionTelemetry(service);
        builder.AddIngestionResilience();
        builder.AddIngestionPostgres(service);
        builder.AddIngestionMessaging(consumers);
        return builder;
    }

    /// <summary>
    /// Migrates the service's schema (its own migrations, then those of the shared stores it added, see
    /// <see cref="SharedMigrations"/>), maps health endpoints, and runs until stopped.
    /// </summary>
    public static async Task RunIngestionAsync(this WebApplication app)
    {
        app.MapIngestionHealth();
        var shared = app.Services.GetServices<SharedMigrations>().Select(m => m.Assembly).Distinct();
        await app.MigrateDatabaseAsync([System.Reflection.Assembly.GetEntryAssembly()!, .. shared]);
        await app.RunAsync();
    }
}
