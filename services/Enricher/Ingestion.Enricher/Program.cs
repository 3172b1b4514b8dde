using MassTransit;
using Ingestion.Enricher;
using Ingestion.Enricher.Domain;
using Ingestion.Hosting;
using Ingestion.Hosting.Stages;

var builder = IngestionHost.CreateBuilder("enricher", args, bus => bus.AddConsumer<ArticleCleanedConsumer, ArticleCleanedConsumerDefinition>());
builder.Services.AddSingleton<ArticleEnricher>();
builder.Services.AddSingleton<StageResultStore>();
builder.Services.AddSingleton<FingerprintIndex>();
builder.Services.AddSingleton<EnrichmentStage>();

var app = builder.Build();
await app.RunIngestionAsync(typeof(StageResultStore).Assembly);
