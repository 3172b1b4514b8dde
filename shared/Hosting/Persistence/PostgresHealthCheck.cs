using Ingestion.Hosting.Resilience;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ingestion.Hosting.Persistence;

/// <summary>
/// Ready unless PostgreSQL is away, as the <see cref="DependencyMonitor"/> knows it (its probe asks the database every
/// <see cref="ResilienceOptions.ProbeSeconds"/>, and work that meets the database away tells it at once): one probe
/// for the logs, the waits and the health endpoint, not a query per health request.
/// </summary>
public sealed class PostgresHealthCheck(DependencyMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(monitor.AwayFor(Dependency.Postgres) is { } away
            ? HealthCheckResult.Unhealthy($"PostgreSQL is not reachable (for {away.TotalSeconds:0} s)")
            : HealthCheckResult.Healthy());
}
