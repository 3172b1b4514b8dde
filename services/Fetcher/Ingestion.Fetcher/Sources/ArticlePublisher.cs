using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Messaging;
using Ingestion.Hosting.Resilience;
using Ingestion.Hosting.Telemetry;
using MassTransit;

namespace Ingestion.Fetcher.Sources;

/// <summary>
/// Records pages, then publishes them: the fetcher is the one producer without an incoming message, so a page is
/// written to <c>pages</c> before its <see cref="ArticleFetched"/> goes out and marked published after. Whatever was
/// recorded but not published (a crash, a broker outage) is published again by <see cref="PublishPendingAsync"/>.
/// While the broker is away pages are recorded and not published; while PostgreSQL is away a downloaded page waits to
/// be recorded (<see cref="DependencyMonitor.WaitOutAsync{T}"/>) rather than being dropped and downloaded again.
/// </summary>
public sealed class ArticlePublisher(IBus bus, PageStore pages, ServiceTelemetry telemetry, DependencyMonitor monitor,
    RabbitMqOptions broker, ILogger<ArticlePublisher> logger)
{
    /// <summary>
    /// Starts the trace of one article: a new root (one trace per article), linked to the poll or scan that found it.
    /// </summary>
    public Activity? StartArticleTrace(string url)
    {
        var foundBy = Activity.Current;
        Activity.Current = null;
        var links = foundBy is null ? null : new[] { new ActivityLink(foundBy.Context) };
        var activity = telemetry.Source.StartActivity("fetch article", ActivityKind.Internal, default(ActivityContext), links: links);
        activity?.SetTag("article.url", url);
        if (activity is null) Activity.Current = foundBy;
        return activity;
    }

    /// <summary>Records the page as a new revision (unless unchanged) and publishes it. Returns the revision, or null when
    /// unchanged.</summary>
    public async Task<int?> RecordAndPublishAsync(NewPage page, CancellationToken ct)
    {
        var traced = page with { TraceParent = Activity.Current?.Id };
        var revision = await monitor.WaitOutAsync(token => pages.RecordAsync(traced, token), ct);
        Activity.Current?.SetTag("article.id", page.ArticleId);
        if (revision is null)
        {
            Activity.Current?.SetTag("fetch.unchanged", true);
            return null;
        }
        Activity.Current?.SetTag("article.revision", revision);
        var message = page.ToMessage(revision.Value);
        logger.LogDebug("Fetched {ArticleId} r{Revision} {Url} ({Bytes} bytes gzipped)", page.ArticleId, revision,
            page.Url, page.BodyGzip.Length);
        await TryPublishAsync(message, ct);
        return revision;
    }

    /// <summary>Publishes every page recorded but not yet published, each in the trace it was recorded in.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken ct)
    {
        var count = 0;
        if (monitor.IsAway(Dependency.Broker)) return 0;
        while (!ct.IsCancellationRequested)
        {
            var pending = await pages.ClaimUnpublishedAsync(100, ct);
            foreach (var (message, traceParent) in pending)
            {
                ActivityContext.TryParse(traceParent, null, out var parent);
                using var activity = telemetry.Source.StartActivity("republish article", ActivityKind.Internal, parent);
                activity?.SetTag("article.id", message.ArticleId);
                activity?.SetTag("article.revision", message.Revision);
                if (!await TryPublishAsync(message, ct))
                    return count;
                logger.LogDebug("Re-published {ArticleId} r{Revision}, recorded at {FetchedAt} but not published",
                    message.ArticleId, message.Revision, message.FetchedAt);
                count++;
            }
            if (pending.Count < 100) break;
        }
        return count;
    }

    /// <summary>Publishes the refusal of a page, waiting for the broker if it is away (a refusal is not recorded elsewhere).</summary>
    public Task RejectAsync(string articleId, string url, string reason, string detail, CancellationToken ct)
    {
        logger.LogWarning("Rejected {ArticleId} {Url}: {Reason} ({Detail})", articleId, url, reason, detail);
        Activity.Current?.SetTag("fetch.rejected", reason);
        var rejection = new ArticleRejected(articleId, 0, url, "fetcher", reason, detail, DateTimeOffset.UtcNow);
        return monitor.WaitOutAsync(token => PublishWithinAsync(rejection, token), ct);
    }

    /// <summary>
    /// Publishes and marks the page published. When the broker is away, or no queue takes the message yet (the cleaner
    /// never ran), the page stays recorded as unpublished and a later cycle publishes it; polling goes on meanwhile.
    /// </summary>
    async Task<bool> TryPublishAsync(ArticleFetched message, CancellationToken ct)
    {
        if (monitor.IsAway(Dependency.Broker))
        {
            Activity.Current?.SetTag("fetch.unpublished", "broker-away");
            return false;
        }
        try
        {
            await PublishWithinAsync(message, ct);
        }
        catch (MessageReturnedException)
        {
            Activity.Current?.SetTag("fetch.unroutable", true);
            logger.LogWarning("No queue takes ArticleFetched yet (has the cleaner ever started?): {ArticleId} r{Revision} waits, recorded",
                message.ArticleId, message.Revision);
            return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && monitor.ReportFault(e) == Dependency.Broker)
        {
            Activity.Current?.SetTag("fetch.unpublished", "broker-away");
            return false;
        }
        await monitor.WaitOutAsync(token => pages.MarkPublishedAsync(message.ArticleId, message.Revision, token), ct);
        telemetry.Record("published", 0);
        return true;
    }

    /// <summary>Publishes within <see cref="RabbitMqOptions.PublishTimeoutSeconds"/>: a publish to a broker that is away
    /// would otherwise wait for it, and hold up polling; past the limit it fails as the broker being away.</summary>
    async Task PublishWithinAsync(object message, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(broker.PublishTimeoutSeconds));
        try
        {
            await bus.PublishToPipelineAsync(message, limit.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TransportUnavailableException($"The broker did not take the message within {broker.PublishTimeoutSeconds} s.", e);
        }
    }
}
