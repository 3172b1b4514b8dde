using MassTransit;
using Ingestion.Hosting;
using Ingestion.Hosting.Persistence;
using Ingestion.Indexer.Indexing;
using Ingestion.Indexer.Search;
using Ingestion.Indexer.Vectors;

var builder = IngestionHost.CreateBuilder("indexer", args, bus =>
{
    bus.AddConsumer<ArticleEnrichedConsumer, ArticleEnrichedConsumerDefinition>();
    bus.AddConsumer<ArticleRejectedConsumer, ArticleRejectedConsumerDefinition>();
});
// Text vectors built in this process (0 entries: PostgreSQL builds them all) and sent as bytes; see docs/indexer.md.
builder.Services.AddSingleton(new DataSourceConfiguration(TsVectorBytesResolverFactory.AddTo));
builder.Services.AddSingleton(new TextVectors(builder.Configuration.GetValue("Indexer:TextVectorCacheEntries",
    TextVectors.DefaultCachedEntries)));
builder.Services.AddSingleton<ArticleIndex>();
// Messages consumed at once are written in shared batches (Indexer:Writers, :MaxBatch, :InFlight; docs/indexer.md).
builder.Services.AddSingleton(builder.Configuration.GetSection("Indexer").Get<IndexingOptions>() ?? new IndexingOptions());
builder.Services.AddSingleton(sp => IndexingOptions.Batcher(sp));
builder.Services.AddSingleton<RejectionLog>();
builder.Services.AddSingleton<SearchQueries>();
builder.Services.AddSingleton<ArticleQueries>();
builder.Services.AddOpenApi(); // GET /openapi/v1.json

var app = builder.Build();
app.MapOpenApi();
app.MapSearchApi();
await app.RunIngestionAsync();
