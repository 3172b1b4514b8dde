using System.Diagnostics;
using Ingestion.Cleaner.Domain;
using Ingestion.Contracts;
using Ingestion.Hosting.Stages;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Cleaner;

/// <summary>The cleaner's work on one fetched page: unpack, extract, and keep the outcome for redeliveries.</summary>
public sealed class CleaningStage(ArticleExtractor extractor, StageResultStore store, ServiceTelemetry telemetry,
    IConfiguration configuration, ILogger<CleaningStage> logger)
{
    readonly long maxPageBytes = configuration.GetValue("Cleaner:MaxPageBytes", 32L * 1024 * 1024);

    public Task<StageOutcome<ArticleCleaned>> RunAsync(ArticleFetched page, CancellationToken ct) =>
        store.GetOrComputeAsync(page.ArticleId, page.Revision, _ => Task.FromResult(Clean(page)), ct);

    StageOutcome<ArticleCleaned> Clean(ArticleFetched page)
    {
        using var activity = telemetry.Source.StartActivity("clean article");
        activity?.SetTag("article.id", page.ArticleId);
        activity?.SetTag("article.revision", page.Revision);
        activity?.SetTag("article.url", page.Url);

        // A body that is not gzip (or inflates past the limit) is a broken message, not a bad page: it throws,
        // and after the retries the message waits in the cleaner_error queue for an operator.
        var body = PageBody.Decompress(page.BodyGzip, maxPageBytes);
        var result = extractor.Extract(new PageInput(body, page.ContentType, page.Charset, page.FinalUrl, page.Item));
        var stats = result.Stats;
        activity?.SetTag("extract.input_bytes", stats.InputBytes);
        activity?.SetTag("extract.output_chars", stats.OutputChars);
        activity?.SetTag("extract.paragraphs_kept", stats.ParagraphsKept);
        activity?.SetTag("extract.paragraphs_dropped", stats.ParagraphsDropped);
        activity?.SetTag("extract.ms", stats.Milliseconds);

        if (result.Article is not { } a)
        {
            activity?.SetTag("extract.rejected", result.RejectReason);
            telemetry.Record("rejected", stats.Milliseconds);
            logger.LogInformation("Rejected {ArticleId} r{Revision} {Url}: {Reason} ({Detail})",
                page.ArticleId, page.Revision, page.Url, result.RejectReason, result.RejectDetail);
            var seen = result.RefusedPage;
            return StageOutcome<ArticleCleaned>.Rejected(new ArticleRejected(page.ArticleId, page.Revision, page.Url, "cleaner",
                result.RejectReason ?? "not-an-article", result.RejectDetail ?? "", DateTimeOffset.UtcNow,
                Title: string.IsNullOrEmpty(seen?.Title) ? null
                    : seen.Title, Published: seen?.Published?.ToUniversalTime(), Language: seen?.Language));
        }

        var article = a.ToCleanedArticle(page.ArticleId, page.Revision, page.FinalUrl, page.Source, page.FetchedAt);
        telemetry.Record("ok", stats.Milliseconds);
        logger.LogDebug("Cleaned {ArticleId} r{Revision}: \"{Title}\", {Paragraphs} paragraphs ({Dropped} dropped)",
            page.ArticleId, page.Revision, a.Title, stats.ParagraphsKept, stats.ParagraphsDropped);
        return StageOutcome<ArticleCleaned>.Ok(new ArticleCleaned(article, DateTimeOffset.UtcNow));
    }
}
