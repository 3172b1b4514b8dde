using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.Hosting.Stages;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Enricher;

/// <summary>The enricher's work on one cleaned article: enrich, link near-duplicates, keep the outcome for redeliveries.
/// The analysis runs outside any transaction; the near-duplicate link is decided in the one that stores the outcome.</summary>
public sealed class EnrichmentStage(ArticleEnricher enricher, FingerprintIndex fingerprints, StageResultStore store,
    ServiceTelemetry telemetry, ILogger<EnrichmentStage> logger)
{
    public Task<StageOutcome<ArticleEnriched>> RunAsync(ArticleCleaned message, CancellationToken ct)
    {
        var article = message.Article;
        ulong[]? signature = null; // the MinHash computed while enriching is the one looked up and stored with the outcome
        var started = 0L;
        return store.GetOrComputeAsync(article.ArticleId, article.Revision, c =>
            {
                started = Stopwatch.GetTimestamp();
                (var outcome, signature) = Enrich(article);
                return Task.FromResult(outcome);
            }, ct,
            // The near-duplicate is looked up in the transaction that stores the outcome, under the bands' locks
            // (FingerprintIndex.LinkAsync): a copy enriched at the same moment elsewhere is either found or finds this one.
            async (conn, tx, outcome, c) =>
            {
                if (outcome.Output is not { } output) return outcome;
                var duplicateOf = await fingerprints.LinkAsync(conn, tx, article.ArticleId, article.Revision, signature!, c);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Activity.Current?.SetTag("enrich.duplicate_of", duplicateOf);
                telemetry.Record(duplicateOf is null ? "ok" : "duplicate", ms);
                logger.LogDebug("Enriched {ArticleId} r{Revision}: {Entities} entities, {Quotes} quotes, duplicate of {DuplicateOf}",
                    article.ArticleId, article.Revision, output.Enrichment.Entities.Count, output.Enrichment.Quotes.Count,
                    duplicateOf ?? "none");
                return StageOutcome<ArticleEnriched>.Ok(output with { Enrichment = output.Enrichment with { DuplicateOf = duplicateOf } });
            });
    }

    (StageOutcome<ArticleEnriched> Outcome, ulong[] Signature) Enrich(CleanedArticle article)
    {
        using var activity = telemetry.Source.StartActivity("enrich article");
        activity?.SetTag("article.id", article.ArticleId);
        activity?.SetTag("article.revision", article.Revision);
        var started = Stopwatch.GetTimestamp();

        var details = enricher.Analyze(article);
        var enrichment = details.Enrichment;
        var signature = MinHash.Compute(details.Body);

        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        activity?.SetTag("enrich.entities", enrichment.Entities.Count);
        activity?.SetTag("enrich.quotes", enrichment.Quotes.Count);
        activity?.SetTag("enrich.keywords", enrichment.Keywords.Count);
        activity?.SetTag("enrich.words", enrichment.WordCount);
        activity?.SetTag("enrich.dates", enrichment.Dates.Count);
        if (details.Embedding is { } embedding)
        {
            activity?.SetTag("enrich.embedding.tokens", embedding.Tokens);
            activity?.SetTag("enrich.embedding.truncated", embedding.Truncated);
            activity?.SetTag("enrich.embedding.ms", embedding.Milliseconds);
        }
        activity?.SetTag("enrich.ms", ms);
        return (StageOutcome<ArticleEnriched>.Ok(new ArticleEnriched(article, enrichment, DateTimeOffset.UtcNow)), signature);
    }
}
