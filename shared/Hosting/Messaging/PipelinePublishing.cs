using MassTransit;

namespace Ingestion.Hosting.Messaging;

public static class PipelinePublishing
{
    /// <summary>
    /// Publishes a message the next stage must receive, with RabbitMQ's <c>mandatory</c> flag: when no queue is bound
    /// to the message's exchange yet (the next stage never ran), the broker returns it and the publish throws
    /// <see cref="MessageReturnedException"/> instead of the message vanishing. The caller's retry (or the fetcher's
    /// next cycle) sends it again.
    /// </summary>
    public static Task PublishToPipelineAsync(this IPublishEndpoint endpoint, object message, CancellationToken ct) =>
        endpoint.Publish(message, context => context.Mandatory = true, ct);
}
