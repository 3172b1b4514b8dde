using MassTransit;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ingestion.Hosting.Resilience;

/// <summary>
/// Probes PostgreSQL (<c>select 1</c>) and the broker (the bus's health) every <see cref="ResilienceOptions.ProbeSeconds"/>
/// and tells the <see cref="DependencyMonitor"/>, which notices so when a dependency comes back without waiting for the
/// next message to try. When PostgreSQL comes back its pool is cleared: connections opened before the outage are dead.
/// </summary>
public sealed class DependencyProbe(DependencyMonitor monitor, NpgsqlDataSource dataSource, IBusControl bus, ResilienceOptions options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Until the host has started (migrations applied, the bus connected) there is nothing to watch.
        using (var started = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStarted))
        {
            try { await Task.Delay(Timeout.Infinite, started.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        if (ct.IsCancellationRequested) return;
        monitor.Changed += (dependency, away) =>
        {
            if (dependency == Dependency.Postgres) dataSource.Clear();
        };
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.ProbeSeconds));
        do
        {
            await ProbePostgresAsync(ct);
            ProbeBroker();
        }
        while (await WaitAsync(timer, ct));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    async Task ProbePostgresAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(2, options.ProbeSeconds * 2)));
            await using var cmd = dataSource.CreateCommand("select 1");
            await cmd.ExecuteScalarAsync(timeout.Token);
            monitor.ReportUp(Dependency.Postgres);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (monitor.ReportFault(e) is null)
                monitor.ReportAway(Dependency.Postgres, e.GetType().Name + ": " + e.Message);
        }
    }

    void ProbeBroker()
    {
        var health = bus.CheckHealth();
        if (health.Status == BusHealthStatus.Unhealthy)
            monitor.ReportAway(Dependency.Broker, health.Description);
        else
            monitor.ReportUp(Dependency.Broker);
    }
}
