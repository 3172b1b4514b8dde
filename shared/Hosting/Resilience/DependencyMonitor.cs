using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ingestion.Hosting.Resilience;

/// <summary>
/// Knows whether PostgreSQL and the broker are reachable, and says so once: one warning when a dependency goes away,
/// one line when it is back (with how long it was away), one critical error if it stays away past the ceiling — not one
/// stack trace per message. Faults come from the code that met them (<see cref="ReportFault"/>); a probe
/// (<see cref="DependencyProbe"/>) notices when a dependency comes back.
/// </summary>
public sealed class DependencyMonitor(ResilienceOptions options, ILogger<DependencyMonitor> logger, TimeProvider? clock = null)
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;
    readonly ConcurrentDictionary<Dependency, Outage> outages = new();

    sealed class Outage(DateTimeOffset since, string reason)
    {
        public DateTimeOffset Since { get; } = since;
        public string Reason { get; } = reason;
        public int Faults;
        public bool CeilingReported;
    }

    /// <summary>Raised when a dependency goes away (true) or comes back (false).</summary>
    public event Action<Dependency, bool>? Changed;

    public bool IsAway(Dependency dependency) => outages.ContainsKey(dependency);

    /// <summary>How long the dependency has been away, or null when it is reachable.</summary>
    public TimeSpan? AwayFor(Dependency dependency) =>
        outages.TryGetValue(dependency, out var outage) ? clock.GetUtcNow() - outage.Since : null;

    /// <summary>The dependencies away now.</summary>
    public IReadOnlyCollection<Dependency> Away => [.. outages.Keys];

    /// <summary>
    /// Records that work failed because <paramref name="error"/>'s dependency is away (nothing happens for a
    /// non-transient error). Returns the dependency, or null when the error is the work's own fault.
    /// </summary>
    public Dependency? ReportFault(Exception error)
    {
        if (TransientFaults.Of(error) is not { } dependency) return null;
        ReportAway(dependency, Describe(error));
        return dependency;
    }

    /// <summary>Records that the dependency is away (a probe failed, or work met it so).</summary>
    public void ReportAway(Dependency dependency, string reason)
    {
        var now = clock.GetUtcNow();
        var outage = outages.GetOrAdd(dependency, _ => new Outage(now, reason));
        var faults = Interlocked.Increment(ref outage.Faults);
        if (faults == 1)
        {
            logger.LogWarning("{Dependency} is unreachable ({Reason}); work that needs it waits for it, for up to {Ceiling} s",
                Name(dependency), reason, options.OutageCeilingSeconds);
            Changed?.Invoke(dependency, true);
        }
        if (!outage.CeilingReported && now - outage.Since > options.OutageCeiling)
        {
            outage.CeilingReported = true;
            logger.LogCritical("{Dependency} has been unreachable for {Seconds:0} s, longer than Resilience:OutageCeilingSeconds "
                + "({Ceiling} s): "
                + "messages that still cannot be processed now go to their _error queues, to be replayed once it is back",
                Name(dependency), (now - outage.Since).TotalSeconds, options.OutageCeilingSeconds);
        }
    }

    /// <summary>Records that the dependency answered; logs how long it was away if it was.</summary>
    public void ReportUp(Dependency dependency)
    {
        if (!outages.TryRemove(dependency, out var outage)) return;
        logger.LogWarning("{Dependency} is back after {Seconds:0.0} s away ({Faults} failed attempts meanwhile)",
            Name(dependency), (clock.GetUtcNow() - outage.Since).TotalSeconds, outage.Faults - 1);
        Changed?.Invoke(dependency, false);
    }

    /// <summary>
    /// Runs <paramref name="work"/>, and while it fails because a dependency is away, waits (1, 2, 4 ... s, at most
    /// <see cref="ResilienceOptions.MaxRetryDelaySeconds"/>) and runs it again, for up to the ceiling; then the last
    /// error is thrown. Other errors are thrown at once. For work outside a message (the fetcher's sources).
    /// </summary>
    public async Task<T> WaitOutAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = TimeSpan.FromSeconds(1);
        Dependency? waitedFor = null;
        while (true)
        {
            try
            {
                var result = await work(ct);
                if (waitedFor is { } dependency) ReportUp(dependency);
                return result;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && ReportFault(e) is { } dependency
                && Stopwatch.GetElapsedTime(started) < options.OutageCeiling)
            {
                waitedFor = dependency;
                await Task.Delay(delay, clock, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(options.MaxRetryDelaySeconds).Ticks));
            }
        }
    }

    /// <inheritdoc cref="WaitOutAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public Task WaitOutAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        WaitOutAsync(async token => { await work(token); return true; }, ct);

    /// <summary>Waits until the dependency is reachable again (at once when it is); the probe decides.</summary>
    public async Task WaitUntilUpAsync(Dependency dependency, CancellationToken ct)
    {
        while (IsAway(dependency))
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, ct);
    }

    public static string Name(Dependency dependency) => dependency switch
    {
        Dependency.Postgres => "PostgreSQL",
        Dependency.Broker => "RabbitMQ",
        _ => dependency.ToString(),
    };

    static string Describe(Exception error)
    {
        var innermost = error;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        var message = error.Message.Length > 200 ? error.Message[..200] + "…" : error.Message;
        return innermost == error ? $"{error.GetType().Name}: {message}"
            : $"{error.GetType().Name}: {message} ({innermost.GetType().Name}: {innermost.Message})";
    }
}
