using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ingestion.Hosting.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces and metrics from MassTransit, Npgsql, HttpClient, ASP.NET Core and the service's own source;
    /// logs with trace ids. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddIngestionTelemetry(this WebApplicationBuilder builder, ServiceInfo service)
    {
        builder.Services.AddSingleton(new ServiceTelemetry(service));

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Configuration.GetValue("Logging:Json", false))
            builder.Logging.AddJsonConsole(o => { o.IncludeScopes = true; o.UseUtcTimestamp = true; });
        else
            builder.Logging.AddSimpleConsole(o =>
                { o.IncludeScopes = true; o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Logging.AddOpenTelemetry(o => { o.IncludeScopes = true; o.IncludeFormattedMessage = true; });
        // A dependency that is away is told once by the DependencyMonitor, not once per message retried (MassTransit's
        // R-RETRY warnings and reconnection attempts, each with its stack trace) nor once per health probe; a message given
        // up (R-FAULT) still is.
        builder.Logging.AddFilter("MassTransit", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? service.Name,
                serviceNamespace: "ingestion",
                serviceInstanceId: Environment.MachineName + "-" + Environment.ProcessId))
            .WithTracing(t => t
                .AddSource(service.TelemetryName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(service.TelemetryName)
                .AddMeter("MassTransit")
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();
        return builder;
    }
}
