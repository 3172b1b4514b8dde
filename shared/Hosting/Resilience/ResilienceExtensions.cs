using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.Hosting.Resilience;

public static class ResilienceExtensions
{
    /// <summary>
    /// The <c>Resilience</c> settings (validated now: a wrong value stops the service with a message naming it), the
    /// <see cref="DependencyMonitor"/> and its probe, and the shutdown grace period.
    /// </summary>
    public static WebApplicationBuilder AddIngestionResilience(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ResilienceOptions.Section).Get<ResilienceOptions>() ?? new ResilienceOptions();
        if (options.Problems().ToList() is { Count: > 0 } problems)
            throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", problems));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DependencyMonitor>();
        builder.Services.AddHostedService<DependencyProbe>();
        // The host gives every service (MassTransit's receive endpoints among them) the grace period, plus a margin to
        // close connections after the last message finished.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownGraceSeconds + 5));
        return builder;
    }
}
