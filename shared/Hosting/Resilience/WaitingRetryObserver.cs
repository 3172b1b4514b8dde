using MassTransit;
using Microsoft.Extensions.Logging;

namespace Ingestion.Hosting.Resilience;

/// <summary>
/// Watches the retries of messages waiting for a dependency: each failed attempt tells the <see cref="DependencyMonitor"/>
/// (which logs once per outage, not once per message); a message that waited past the ceiling is logged as it goes to
/// its <c>_error</c> queue.
/// </summary>
public sealed class WaitingRetryObserver(DependencyMonitor monitor, ILogger<WaitingRetryObserver> logger) : IRetryObserver
{
    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        monitor.ReportFault(context.Exception);
        return Task.CompletedTask;
    }

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        if (TransientFaults.Of(context.Exception) is { } dependency)
            logger.LogError("Gave up waiting for {Dependency} after {Attempts} attempts: the message goes to its _error queue ({Error})",
                DependencyMonitor.Name(dependency), context.RetryCount + 1, context.Exception.Message);
        return Task.CompletedTask;
    }

    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
}
