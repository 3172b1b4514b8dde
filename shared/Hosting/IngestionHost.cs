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
    public static WebApplicationBuilder CreateBuilder(string serviceName, string[] args, Action<IBusRegistrationConfigurator>? consumers = null)
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
    /// Migrates the service's schema (its own migrations, then those of shared stores it uses), maps health endpoints,
    /// and runs until stopped.
    /// </summary>
    public static async Task RunIngestionAsync(this WebApplication app, params System.Reflection.Assembly[] sharedMigrations)
    {
        app.MapIngestionHealth();
        await app.MigrateDatabaseAsync([System.Reflection.Assembly.GetEntryAssembly()!, .. sharedMigrations]);
        await app.RunAsync();
    }
}
