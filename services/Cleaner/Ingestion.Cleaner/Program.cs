using MassTransit;
using Ingestion.Cleaner;
using Ingestion.Cleaner.Domain;
using Ingestion.Hosting;
using Ingestion.Hosting.Stages;

var builder = IngestionHost.CreateBuilder("cleaner", args, bus =>
    bus.AddConsumer<ArticleFetchedConsumer, ArticleFetchedConsumerDefinition>());
builder.Services.AddSingleton<ArticleExtractor>();
builder.AddStageResults();
builder.Services.AddSingleton<CleaningStage>();

var app = builder.Build();
await app.RunIngestionAsync();
