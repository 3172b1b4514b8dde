using Ingestion.Contracts;
using Ingestion.Hosting.Messaging;
using MassTransit;

namespace Ingestion.Cleaner;

/// <summary>Cleans each fetched page once per revision and publishes the article (or its rejection).</summary>
public sealed class ArticleFetchedConsumer(CleaningStage stage) : IConsumer<ArticleFetched>
{
    public async Task Consume(ConsumeContext<ArticleFetched> context)
    {
        var outcome = await stage.RunAsync(context.Message, context.CancellationToken);
        await context.PublishToPipelineAsync(outcome.Message, context.CancellationToken);
    }
}

public sealed class ArticleFetchedConsumerDefinition : ConsumerDefinition<ArticleFetchedConsumer>
{
    public ArticleFetchedConsumerDefinition() => EndpointName = "cleaner";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleFetchedConsumer> consumerConfigurator, IRegistrationContext context) =>
        StageConcurrency.Limit(consumerConfigurator, context, "Cleaner");
}
