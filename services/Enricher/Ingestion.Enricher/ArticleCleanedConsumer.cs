using Ingestion.Contracts;
using Ingestion.Hosting.Messaging;
using MassTransit;

namespace Ingestion.Enricher;

/// <summary>Enriches each cleaned article once per revision and publishes the result.</summary>
public sealed class ArticleCleanedConsumer(EnrichmentStage stage) : IConsumer<ArticleCleaned>
{
    public async Task Consume(ConsumeContext<ArticleCleaned> context)
    {
        var outcome = await stage.RunAsync(context.Message, context.CancellationToken);
        await context.PublishToPipelineAsync(outcome.Message, context.CancellationToken);
    }
}

public sealed class ArticleCleanedConsumerDefinition : ConsumerDefinition<ArticleCleanedConsumer>
{
    public ArticleCleanedConsumerDefinition() => EndpointName = "enricher";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleCleanedConsumer> consumerConfigurator, IRegistrationContext context) =>
        StageConcurrency.Limit(consumerConfigurator, context, "Enricher");
}
