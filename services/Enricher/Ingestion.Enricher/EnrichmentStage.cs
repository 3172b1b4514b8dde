using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.Hosting.Stages;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Enricher;

/// <summary>The enricher's work on one cleaned article: enrich, link near-duplicates, keep the outcome for redeliveries.</summary>
public sealed class EnrichmentStage(ArticleEnricher enricher, FingerprintIndex fingerprints, StageResultStore store,
    ServiceTelemetry telemetry, ILogger<EnrichmentStage> logger)
{
    public Task<StageOutcome<ArticleEnriched>> RunAsync(ArticleCleaned message, CancellationToken ct)
    {
        var article = message.Article;
        ulong[]? signature = null; // the MinHash computed to look for duplicates is the one stored with the outcome
        return store.GetOrComputeAsync(article.ArticleId, article.Revision, async c =>
            {
                (var outcome, signature) = await EnrichAsync(article, c);
                return outcome;
            }, ct,
            (conn, tx, outcome) => outcome.Output is not null
                ? FingerprintIndex.AddAsync(conn, tx, article.ArticleId, article.Revision, signature!)
                : Task.CompletedTask);
    }

    async Task<(StageOutcome<ArticleEnriched> Outcome, ulong[] Signature)> EnrichAsync(CleanedArticle article, CancellationToken ct)
    {
        using var activity = telemetry.Source.StartActivity("enrich article");
        activity?.SetTag("article.id", article.ArticleId);
        activity?.SetTag("article.revision", article.Revision);
        var started = Stopwatch.GetTimestamp();

        var details = enricher.Analyze(article);
        var enrichment = details.Enrichment;
        var signature = MinHash.Compute(details.Body);
        var duplicateOf = await fingerprints.FindDuplicateAsync(article.ArticleId, signature, ct);
        enrichment = enrichment with { DuplicateOf = duplicateOf };

        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        activity?.SetTag("enrich.entities", enrichment.Entities.Count);
        activity?.SetTag("enrich.quotes", enrichment.Quotes.Count);
        activity?.SetTag("enrich.keywords", enrichment.Keywords.Count);
        activity?.SetTag("enrich.words", enrichment.WordCount);
        activity?.SetTag("enrich.dates", enrichment.Dates.Count);
        activity?.SetTag("enrich.duplicate_of", duplicateOf);
        if (details.Embedding is { } embedding)
        {
            activity?.SetTag("enrich.embedding.tokens", embedding.Tokens);
            activity?.SetTag("enrich.embedding.truncated", embedding.Truncated);
            activity?.SetTag("enrich.embedding.ms", embedding.Milliseconds);
        }
        activity?.SetTag("enrich.ms", ms);
        telemetry.Record(duplicateOf is null ? "ok" : "duplicate", ms);
        logger.LogInformation("Enriched {ArticleId} r{Revision}: {Entities} entities, {Quotes} quotes, duplicate of {DuplicateOf}",
            article.ArticleId, article.Revision, enrichment.Entities.Count, enrichment.Quotes.Count, duplicateOf ?? "none");
        return (StageOutcome<ArticleEnriched>.Ok(new ArticleEnriched(article, enrichment, DateTimeOffset.UtcNow)), signature);
    }
}
