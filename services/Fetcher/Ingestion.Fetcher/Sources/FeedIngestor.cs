using Ingestion.Contracts;
using Ingestion.Fetcher.Domain;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Fetcher.Sources;

/// <summary>Polls due feeds (conditional GET) and fetches the pages of items not seen before.</summary>
public sealed class FeedIngestor(PageDownloader downloader, FeedStore feeds, PageStore pages, FailureStore failures,
    ArticlePublisher publisher, FetcherOptions options, ServiceTelemetry telemetry, ILogger<FeedIngestor> logger)
{
    readonly TimeSpan pollInterval = TimeSpan.FromSeconds(options.FeedPollSeconds);

    public async Task PollDueAsync(CancellationToken ct)
    {
        foreach (var feed in await feeds.DueAsync(ct))
        {
            try
            {
                await PollAsync(feed, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning("Poll of {Feed} failed: {Error}", feed.Url, e.Message);
                await feeds.FailedAsync(feed.Url, e.Message, pollInterval, ct);
            }
        }
    }

    /// <summary>Downloads and parses a feed; throws with the reason when it cannot be read.</summary>
    public async Task<(PageResponse Response, ParsedFeed? Feed)> ReadAsync(string url, string? etag, DateTimeOffset? lastModified, CancellationToken ct)
    {
        var response = await downloader.GetAsync(url, etag, lastModified, ct);
        if (response.StatusCode == 304)
            return (response, null);
        if (response.StatusCode is < 200 or > 299)
            throw new HttpRequestException($"HTTP {response.StatusCode} from {response.FinalUrl}");
        return (response, FeedParser.Parse(response.Body, response.ContentType, response.Charset, response.FinalUrl));
    }

    async Task PollAsync(FeedRow feed, CancellationToken ct)
    {
        using var poll = telemetry.Source.StartActivity("poll feed");
        poll?.SetTag("feed.url", feed.Url);
        var lastModified = feed.LastModified is { } lm ? new DateTimeOffset(lm, TimeSpan.Zero) : (DateTimeOffset?)null;
        var (response, parsed) = await ReadAsync(feed.Url, feed.ETag, lastModified, ct);
        if (parsed is null)
        {
            poll?.SetTag("feed.outcome", "unchanged");
            telemetry.Record("feed-unchanged", 0);
            await feeds.SucceededAsync(feed.Url, feed.Kind ?? "unknown", null, null, pollInterval, ct);
            return;
        }

        var source = new SourceRef(parsed.Kind, feed.Name, feed.Url);
        var fresh = 0;
        foreach (var item in parsed.Items)
        {
            if (parsed.Kind == "sitemapindex")
            {
                await feeds.AddAsync(item.Link, feed.Name, "sitemap", ct);
                continue;
            }
            if (await FetchItemAsync(item, source, ct))
                fresh++;
        }
        poll?.SetTag("feed.items", parsed.Items.Count);
        poll?.SetTag("feed.items.new", fresh);
        poll?.SetTag("feed.outcome", fresh > 0 ? "new-items" : "no-new-items");
        telemetry.Record(fresh > 0 ? "feed-new-items" : "feed-no-new-items", 0);
        var next = parsed.TtlMinutes is { } ttl ? TimeSpan.FromMinutes(Math.Max(ttl, options.FeedPollSeconds / 60.0)) : pollInterval;
        await feeds.SucceededAsync(feed.Url, parsed.Kind, response.ETag, response.LastModified, next, ct);
        logger.LogInformation("Polled {Feed}: {Items} items, {New} new", feed.Url, parsed.Items.Count, fresh);
    }

    async Task<bool> FetchItemAsync(ParsedItem item, SourceRef source, CancellationToken ct)
    {
        if (!UrlCanonicalizer.TryCanonicalize(item.Link, out var canonical))
        {
            logger.LogWarning("Skipped item \"{Title}\" of {Feed}: no usable link ({Link})", item.Info.Title, source.Location, item.Link);
            return false;
        }
        var articleId = ArticleIdentity.IdFor(canonical);
        if (await pages.IsKnownAsync(articleId, ct) || await failures.IsBackingOffAsync(articleId, ct))
            return false;

        using var activity = publisher.StartArticleTrace(item.Link);
        try
        {
            var page = await downloader.GetAsync(item.Link, ct: ct);
            if (!page.IsSuccess)
                throw new HttpRequestException($"HTTP {page.StatusCode} from {page.FinalUrl}");
            var revision = await publisher.RecordAndPublishAsync(new NewPage(articleId, item.Link, page.FinalUrl, source,
                page.ContentType, page.Charset, page.StatusCode, ContentHash.Of(page.Body), PageBody.Compress(page.Body),
                item.Info, DateTimeOffset.UtcNow, null), ct);
            await failures.ClearAsync(articleId, ct);
            return revision is not null;
        }
        catch (BodyTooLargeException e)
        {
            await publisher.RejectAsync(articleId, item.Link, "too-large", e.Message, ct);
            await failures.RecordAsync(articleId, item.Link, e.Message, ct);
            await failures.GiveUpAsync(articleId, ct);
            return false;
        }
        catch (Exception e) when (e is FetchException or HttpRequestException or TimeoutException && !ct.IsCancellationRequested)
        {
            var attempts = await failures.RecordAsync(articleId, item.Link, e.Message, ct);
            logger.LogWarning("Download of {Url} failed (attempt {Attempts}): {Error}", item.Link, attempts, e.Message);
            if (attempts >= options.MaxPageAttempts || e is AddressRefusedException)
            {
                await failures.GiveUpAsync(articleId, ct);
                await publisher.RejectAsync(articleId, item.Link, e is AddressRefusedException ? "address-refused" : "http-error",
                    $"{e.Message} (after {attempts} attempts)", ct);
            }
            return false;
        }
    }
}
