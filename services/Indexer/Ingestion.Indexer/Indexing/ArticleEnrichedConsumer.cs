using Ingestion.Contracts;
using Ingestion.Hosting.Telemetry;
using MassTransit;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Indexes each enriched article revision once and publishes <see cref="ArticleIndexed"/> (again, on redelivery). Messages
/// consumed at the same time share a write (<see cref="IndexBatcher"/>); each is acknowledged after its batch committed.
/// </summary>
public sealed class ArticleEnrichedConsumer(IndexBatcher index, ServiceTelemetry telemetry, ILogger<ArticleEnrichedConsumer> logger)
    : IConsumer<ArticleEnriched>
{
    public async Task Consume(ConsumeContext<ArticleEnriched> context)
    {
        var article = context.Message.Article;
        using var activity = telemetry.Source.StartActivity("index article");
        activity?.SetTag("article.id", article.ArticleId);
        activity?.SetTag("article.revision", article.Revision);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var (evt, redelivered, batchSize) = await index.IndexAsync(context.Message, context.CancellationToken);

        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        activity?.SetTag("index.redelivered", redelivered);
        activity?.SetTag("index.batch_size", batchSize);
        activity?.SetTag("index.change_cursor", evt.ChangeCursor);
        telemetry.Record(redelivered ? "redelivered" : "ok", ms);
        telemetry.EndToEnd.Record((evt.IndexedAt - article.FetchedAt).TotalMilliseconds);
        logger.LogDebug("Indexed {ArticleId} r{Revision} \"{Title}\" at cursor {Cursor}{Again}",
            article.ArticleId, article.Revision, article.Title, evt.ChangeCursor, redelivered ? " (redelivered)" : "");
        await context.Publish(evt, context.CancellationToken);
    }
}

/// <summary>The <c>indexer</c> queue; it takes <see cref="IndexingOptions.InFlight"/> messages at once, for the batches.</summary>
public sealed class ArticleEnrichedConsumerDefinition : ConsumerDefinition<ArticleEnrichedConsumer>
{
    readonly int inFlight;

    public ArticleEnrichedConsumerDefinition(IndexingOptions options)
    {
        EndpointName = "indexer";
        inFlight = Math.Max(1, options.InFlight);
        ConcurrentMessageLimit = inFlight;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ArticleEnrichedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = inFlight;
    }
}
