using MassTransit;

namespace Ingestion.Hosting.Messaging;

/// <summary>
/// Quorum queues for a cluster (<see cref="RabbitMqOptions.QuorumQueues"/>). Each receive endpoint's queue is a quorum
/// queue with an explicit delivery limit whose dead-letter exchange is the endpoint's own <c>_error</c> exchange
/// (at-least-once dead-lettering): a message handed out more than <see cref="RabbitMqOptions.DeliveryLimit"/> times ends
/// in <c>&lt;queue&gt;_error</c>, where it is counted and replayable, never dropped. The <c>_error</c> exchange and queue are
/// declared with the endpoint (not on the first failure, as MassTransit otherwise does), so the dead-letter target
/// always exists. Error and skipped queues are quorum queues too, without dead-lettering or a limit of their own (they
/// are not consumed).
/// </summary>
public static class QuorumTopology
{
    const string DeadLetterExchange = "x-dead-letter-exchange";
    const string DeadLetterStrategy = "x-dead-letter-strategy";
    const string DeliveryLimit = "x-delivery-limit";
    const string Overflow = "x-overflow";

    /// <summary>Error and skipped queues: quorum, and nothing copied from the endpoint's queue that would dead-letter.</summary>
    public static void ConfigureBus(IRabbitMqBusFactoryConfigurator cfg)
    {
        cfg.SetQuorumQueue();
        cfg.SendTopology.ConfigureErrorSettings = FaultQueue;
        cfg.SendTopology.ConfigureDeadLetterSettings = FaultQueue;
    }

    /// <summary>An endpoint's queue: delivery limit, dead-lettered to its <c>_error</c> exchange, which is declared with it.</summary>
    public static void ConfigureEndpoint(IRabbitMqReceiveEndpointConfigurator endpoint, string queue, RabbitMqOptions options)
    {
        var error = queue + "_error";
        endpoint.SetQuorumQueue();
        endpoint.SetQueueArgument(DeliveryLimit, options.DeliveryLimit);
        // At-least-once: a dead-lettered message leaves the queue only once the error queue confirmed it (RabbitMQ 3.10+;
        // it needs reject-publish overflow, which only matters with a length limit, and there is none).
        endpoint.SetQueueArgument(DeadLetterStrategy, "at-least-once");
        endpoint.SetQueueArgument(Overflow, "reject-publish");
        // Declares the _error exchange and queue (as MassTransit's error transport later declares them) and sets
        // x-dead-letter-exchange on the endpoint's queue.
        endpoint.BindDeadLetterQueue(error, error, FaultQueue);
    }

    static void FaultQueue(IRabbitMqQueueBindingConfigurator queue)
    {
        queue.SetQuorumQueue();
        foreach (var argument in new[] { DeadLetterExchange, DeadLetterStrategy, DeliveryLimit, Overflow })
            queue.SetQueueArgument(argument, null!);
    }
}
