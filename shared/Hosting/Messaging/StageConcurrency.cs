using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Hosting.Messaging;

/// <summary>
/// How many messages a CPU-bound stage (the cleaner, the enricher) works on at once: <c>{Section}:ConcurrentMessages</c>,
/// by default twice the cores. More than that buys no speed — the cores are busy — but keeps more pages' DOMs and texts
/// alive at once, so that each collection finds more to keep and promote: with 16 at once on 2 cores (the prefetch count)
/// the cleaner spent a third more CPU per page than with 4 (docs/performance.md).
/// </summary>
public static class StageConcurrency
{
    public static int Of(IServiceProvider services, string section)
    {
        var key = section + ":ConcurrentMessages";
        var configured = services.GetRequiredService<IConfiguration>().GetValue<int?>(key);
        if (configured is < 1)
            throw new InvalidOperationException($"{key} is {configured}: it must be at least 1 (leave it unset for twice the cores).");
        return configured ?? 2 * Environment.ProcessorCount;
    }

    /// <summary>Applies <see cref="Of"/> to a consumer on its endpoint.</summary>
    public static void Limit<T>(IConsumerConfigurator<T> consumer, IRegistrationContext context, string section) where T : class =>
        consumer.ConcurrentMessageLimit = Of(context, section);
}
