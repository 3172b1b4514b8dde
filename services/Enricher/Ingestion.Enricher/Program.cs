using MassTransit;
using Ingestion.Enricher;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Embeddings;
using Ingestion.Hosting;
using Ingestion.Hosting.Stages;

var builder = IngestionHost.CreateBuilder("enricher", args, bus =>
    bus.AddConsumer<ArticleCleanedConsumer, ArticleCleanedConsumerDefinition>());
// The MiniLM article encoder (Enrichment.Embedding) is optional: off by default, it adds ~26 ms of CPU per article and ~140 MB
// (docs/enricher.md).
var encoder = builder.Configuration.GetSection("Enricher:Encoder");
if (encoder.GetValue("Enabled", false))
{
    var defaults = new EncoderOptions();
    var options = new EncoderOptions(encoder.GetValue("MaxTokens", defaults.MaxTokens), encoder.GetValue("LeadWords", defaults.LeadWords),
        encoder.GetValue("Threads", defaults.Threads));
    builder.Services.AddSingleton(_ => new ArticleEncoder(options));
}
builder.Services.AddSingleton(sp => new ArticleEnricher(null, encoder: sp.GetService<ArticleEncoder>()));
builder.AddStageResults();
builder.Services.AddSingleton<FingerprintIndex>();
builder.Services.AddSingleton<EnrichmentStage>();

var app = builder.Build();
await app.RunIngestionAsync();
