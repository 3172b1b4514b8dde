using Ingestion.Contracts;
using MassTransit;

namespace Ingestion.Indexer.Indexing;

/// <summary>Records what every stage refused.</summary>
public sealed class ArticleRejectedConsumer(RejectionLog log) : IConsumer<ArticleRejected>
{
    public Task Consume(ConsumeContext<ArticleRejected> context) => log.RecordAsync(context.Message, context.CancellationToken);
}

public sealed class ArticleRejectedConsumerDefinition : ConsumerDefinition<ArticleRejectedConsumer>
{
    public ArticleRejectedConsumerDefinition() => EndpointName = "indexer-rejections";
}
