using System.Collections.Concurrent;
using Ingestion.Contracts;
using Ingestion.Fetcher.Domain.Discovery;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Http;
using Ingestion.Fetcher.Domain.Identity;
using Ingestion.Fetcher.Domain.Polling;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Resilience;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Fetcher.Sources;

/// <summary>Polls due feeds (conditional GET) and fetches the pages of items not seen before.</summary>
public sealed class FeedIngestor(PageDownloader downloader, FeedStore feeds, PageStore pages, FailureStore failures,
    ArticlePublisher publisher, FetcherOptions options, ServiceTelemetry telemetry, HostGate gate, FetcherMetrics metrics,
    PollHistoryStore history, ILogger<FeedIngestor> logger)
{
    readonly PollPolicy policy = options.PollPolicy;

    /// <summary>
    /// Polls the due feeds this fetcher claims (<see cref="FeedStore.ClaimDueAsync"/>; other fetchers on the same database
    /// take the rest), a batch at a time while full batches come: hosts in parallel (up to MaxParallelHosts), the feeds
    /// of one host one after another. The claims are renewed while the batch runs and given back if it stops early. A
    /// host whose poll meets PostgreSQL or the broker away stops there, the others finish what they downloaded (a page
    /// waits to be recorded), and then the fault is thrown for the cycle to wait for the dependency.
    /// </summary>
    public async Task PollDueAsync(CancellationToken ct)
    {
        var batch = Math.Max(1, options.MaxParallelHosts) * 4;
        while (true)
        {
            var due = await feeds.ClaimDueAsync(options.InstanceId, options.Lease, batch, ct);
            if (due.Count == 0) return;
            await PollClaimedAsync(due, ct);
            if (due.Count < batch) return;
        }
    }

    async Task PollClaimedAsync(IReadOnlyList<FeedRow> due, CancellationToken ct)
    {
        var held = new ConcurrentDictionary<string, bool>(due.Select(f => KeyValuePair.Create(f.Url, true)));
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(held, renewing.Token);
        var byHost = due.GroupBy(f => Uri.TryCreate(f.Url, UriKind.Absolute, out var u) ? HostGate.HostKey(u) : f.Url).ToList();
        Exception? away = null;
        try
        {
            await Parallel.ForEachAsync(byHost,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelHosts), CancellationToken = ct },
                async (host, token) =>
                {
                    foreach (var feed in host)
                    {
                        if (Volatile.Read(ref away) is not null) return;
                        try { await PollOneAsync(feed, token); }
                        catch (Exception e) when (TransientFaults.IsTransient(e)) { Interlocked.CompareExchange(ref away, e, null); return; }
                        held.TryRemove(feed.Url, out _);
                    }
                });
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await ReleaseAsync(held.Keys.ToList());
        }
        if (away is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(away);
    }

    /// <summary>Renews the leases of the feeds still held, every third of the lease, until cancelled. A renewal that fails
    /// (PostgreSQL away) is tried again at the next tick; past the lease another fetcher may take a feed over.</summary>
    async Task RenewAsync(ConcurrentDictionary<string, bool> held, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try { await feeds.RenewAsync(options.InstanceId, held.Keys.ToList(), options.Lease, ct); }
                catch (Exception e) when (!ct.IsCancellationRequested && TransientFaults.IsTransient(e))
                {
                    logger.LogDebug("Renewing feed leases failed: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Gives back the leases of claimed feeds left unpolled (a stop or an outage), so that another fetcher need
    /// not wait for them to run out; best effort, within a few seconds.</summary>
    async Task ReleaseAsync(IReadOnlyCollection<string> unpolled)
    {
        if (unpolled.Count == 0) return;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await feeds.ReleaseAsync(options.InstanceId, unpolled, limit.Token); }
        catch (Exception e) when (e is OperationCanceledException || TransientFaults.IsTransient(e))
        {
            logger.LogDebug("Leases of {Count} unpolled feeds not given back ({Error}); they run out", unpolled.Count, e.Message);
        }
    }

    private async Task PollOneAsync(FeedRow feed, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var r = await PollAsync(feed, ct);
            await history.RecordAsync(feed.Url, r.Outcome, r.Status, r.Items, r.NewItems,
                System.Diagnostics.Stopwatch.GetElapsedTime(started), r.Next, null, ct);
        }
        // PostgreSQL or the broker being away is not the feed's failure: the cycle stops and waits for it (FetchWorker).
        catch (Exception e) when ((e is not OperationCanceledException || !ct.IsCancellationRequested) && !TransientFaults.IsTransient(e))
        {
            var outcome = e is RobotsDisallowedException ? "robots-disallowed" : "failed";
            metrics.Polled(outcome);
            var backoff = PollSchedule.AfterFailure(policy, feed.ErrorCount + 1, (e as FeedHttpException)?.RetryAfter,
                Random.Shared.NextDouble());
            logger.LogWarning("Poll of {Feed} failed: {Error}; next try in {Backoff}", feed.Url, e.Message, backoff);
            await feeds.FailedAsync(feed.Url, e.Message, backoff, ct);
            await history.RecordAsync(feed.Url, outcome, (e as FeedHttpException)?.Status, null, null,
                System.Diagnostics.Stopwatch.GetElapsedTime(started), backoff, e.Message, ct);
        }
    }

    private sealed record PollResult(string Outcome, int Status, int? Items, int? NewItems, TimeSpan Next);

    /// <summary>Downloads and parses a feed; throws with the reason when it cannot be read.</summary>
    public async Task<(PageResponse Response, ParsedFeed? Feed)> ReadAsync(string url, string? etag, DateTimeOffset? lastModified,
        CancellationToken ct)
    {
        var uri = new Uri(url);
        if (!await gate.IsAllowedAsync(uri, ct))
            throw new RobotsDisallowedException(url, gate.RobotsProblem(uri));
        PageResponse response;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using (await gate.EnterAsync(uri, ct))
            response = await downloader.GetAsync(url, etag, lastModified, ct);
        metrics.Fetched("feed", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Body.Length);
        if (response.StatusCode == 304)
            return (response, null);
        if (response.StatusCode is < 200 or > 299)
            throw new FeedHttpException(response.StatusCode, response.FinalUrl, response.RetryAfter);
        return (response, FeedParser.Parse(response.Body, response.ContentType, response.Charset, response.FinalUrl));
    }

    /// <summary>Autodiscovery: the feeds an HTML page announces with &lt;link rel="alternate"&gt;, resolved against the
    /// page's final URL (empty when the URL is not an HTML page). Fetched like a feed: robots.txt, host politeness, limits.</summary>
    public async Task<IReadOnlyList<FeedLink>> DiscoverAsync(string pageUrl, CancellationToken ct)
    {
        var uri = new Uri(pageUrl);
        if (!await gate.IsAllowedAsync(uri, ct)) throw new RobotsDisallowedException(pageUrl, gate.RobotsProblem(uri));
        PageResponse page;
        await using (await gate.EnterAsync(uri, ct))
            page = await downloader.GetAsync(pageUrl, ct: ct);
        if (!page.IsSuccess || !page.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase)) return [];
        var text = FeedEncoding.Decode(page.Body, page.Charset).Text;
        return FeedLinkFinder.Find(text, page.FinalUrl);
    }

    async Task<PollResult> PollAsync(FeedRow feed, CancellationToken ct)
    {
        using var poll = telemetry.Source.StartActivity("poll feed");
        poll?.SetTag("feed.url", feed.Url);
        var lastModified = feed.LastModified is { } lm ? new DateTimeOffset(lm, TimeSpan.Zero) : (DateTimeOffset?)null;
        var (response, parsed) = await ReadAsync(feed.Url, feed.ETag, lastModified, ct);
        if (parsed is null)
        {
            poll?.SetTag("feed.outcome", "unchanged");
            telemetry.Record("feed-unchanged", 0);
            metrics.Polled("unchanged");
            var unchangedNext = PollSchedule.AfterSuccess(policy, [], DateTimeOffset.UtcNow, null, response.FreshFor);
            await feeds.SucceededAsync(feed.Url, feed.Kind ?? "unknown", null, null, unchangedNext, ct);
            return new PollResult("unchanged", response.StatusCode, null, null, unchangedNext);
        }

        await AddRobotsSitemapsAsync(feed, ct);
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
        metrics.Polled(fresh > 0 ? "new-items" : "no-new-items");
        metrics.ItemsDiscovered.Add(fresh);
        var dates = parsed.Items.Select(i => i.Info.Published ?? i.Info.Updated).OfType<DateTimeOffset>();
        var next = PollSchedule.AfterSuccess(policy, dates, DateTimeOffset.UtcNow, parsed.TtlMinutes, response.FreshFor);
        poll?.SetTag("feed.next_poll_seconds", (int)next.TotalSeconds);
        await feeds.SucceededAsync(feed.Url, parsed.Kind, response.ETag, response.LastModified, next, ct);
        logger.LogInformation("Polled {Feed}: {Items} items, {New} new", feed.Url, parsed.Items.Count, fresh);
        return new PollResult(fresh > 0 ? "new-items" : "no-new-items", response.StatusCode, parsed.Items.Count, fresh, next);
    }

    /// <summary>The sitemaps the robots.txt of the feed's host names for that host become sources of their own (once per
    /// host while the process runs; a sitemap already known keeps its name and state).</summary>
    async Task AddRobotsSitemapsAsync(FeedRow feed, CancellationToken ct)
    {
        var sitemaps = await gate.TakeSitemapsAsync(new Uri(feed.Url), options.MaxRobotsSitemapsPerHost, ct);
        foreach (var sitemap in sitemaps)
        {
            if (await feeds.AddIfAbsentAsync(sitemap, $"{new Uri(sitemap).Host} sitemap (robots.txt)", "sitemap", ct))
                logger.LogInformation("Added {Sitemap}, named in the robots.txt of {Feed}'s host", sitemap, feed.Url);
        }
    }

    async Task<bool> FetchItemAsync(ParsedItem item, SourceRef source, CancellationToken ct)
    {
        if (!UrlCanonicalizer.TryCanonicalize(item.Link, out var canonical))
        {
            logger.LogWarning("Skipped item \"{Title}\" of {Feed}: no usable link ({Link})", item.Info.Title, source.Location, item.Link);
            return false;
        }
        var articleId = ArticleIdentity.IdFor(canonical);
        if (await pages.IsKnownAsync(articleId, ct))
            return false;

        var pageUri = new Uri(item.Link);
        if (!await gate.IsAllowedAsync(pageUri, ct))
        {
            logger.LogInformation("Skipped {Url}: disallowed by robots.txt", item.Link);
            return false;
        }
        // Backing off after a failure, or another fetcher (another feed naming the same page) downloading it now.
        if (!await failures.TryClaimAsync(articleId, item.Link, options.Lease, ct))
            return false;
        using var activity = publisher.StartArticleTrace(item.Link);
        try
        {
            PageResponse page;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using (var fetch = telemetry.Source.StartActivity("fetch page"))
            await using (await gate.EnterAsync(pageUri, ct))
            {
                fetch?.SetTag("url.full", item.Link);
                page = await downloader.GetAsync(item.Link, ct: ct);
                fetch?.SetTag("http.response.status_code", page.StatusCode);
                fetch?.SetTag("http.response.body.size", page.Body.Length);
            }
            metrics.Fetched("page", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, page.Body.Length);
            if (!page.IsSuccess)
                throw new HttpRequestException($"HTTP {page.StatusCode} from {page.FinalUrl}");
            var revision = await publisher.RecordAndPublishAsync(NewPage.Fetched(articleId, url: item.Link, page.FinalUrl,
                source, page.ContentType, page.Charset, page.StatusCode, page.Body, item.Info), ct);
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
