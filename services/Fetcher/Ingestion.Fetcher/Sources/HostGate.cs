using System.Collections.Concurrent;
using System.Text;
using Ingestion.Fetcher.Domain.Http;
using Ingestion.Fetcher.Domain.Robots;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Resilience;

namespace Ingestion.Fetcher.Sources;

/// <summary>
/// Politeness per host (scheme + authority): at most <c>MaxConcurrentPerHost</c> requests at once, at least
/// <c>HostMinDelayMs</c> — or the robots.txt Crawl-delay when longer (capped at <c>MaxCrawlDelaySeconds</c>) — between
/// the end of one request and the start of the next, and robots.txt fetched once per <c>RobotsCacheMinutes</c>
/// (404/410: everything allowed; 5xx or unreachable: everything disallowed until the next try, as RFC 9309 says).
/// The delay holds across fetchers too: after this process's own wait, each request (page, feed, robots.txt) takes its
/// host's slot in PostgreSQL (<see cref="HostSlots"/>) once it is due, holds it while it runs and gives it back when it
/// ends, so that the next request to the host, from any fetcher, starts at least the delay after this one ended; with no
/// delay nothing is asked. With a delay the database lets one request to a host run at a time, whatever
/// <c>MaxConcurrentPerHost</c> allows within one process.
/// </summary>
public sealed class HostGate(PageDownloader downloader, FetcherOptions options, HostSlots slots, ILogger<HostGate> logger)
{
    private sealed class HostState(int concurrency)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);
        public DateTimeOffset NextStart;
        public int Waiting;
        public RobotsTxt? Robots;
        public DateTimeOffset RobotsExpires;
        public readonly SemaphoreSlim RobotsLock = new(1, 1);
        public int SitemapsTaken;
        public string? RobotsProblem;
    }

    private readonly ConcurrentDictionary<string, HostState> hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests waiting for their host, by host (for the queue-depth gauge).</summary>
    public IEnumerable<KeyValuePair<string, int>> QueueDepths() =>
        hosts.Where(h => h.Value.Waiting > 0).Select(h => new KeyValuePair<string, int>(h.Key, h.Value.Waiting));

    public static string HostKey(Uri url) => url.GetLeftPart(UriPartial.Authority);

    /// <summary>Waits for a slot of the URL's host and for its delay (here and, with a delay, in the database); dispose the
    /// lease when the request is done.</summary>
    public async Task<IAsyncDisposable> EnterAsync(Uri url, CancellationToken ct)
    {
        var state = State(url);
        var host = HostKey(url);
        Guid? held = null;
        Interlocked.Increment(ref state.Waiting);
        try
        {
            await state.Slots.WaitAsync(ct);
            try
            {
                var wait = state.NextStart - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                var delay = DelayFor(state);
                if (delay > TimeSpan.Zero) held = await TakeSlotAsync(host, delay, ct);
            }
            catch
            {
                state.Slots.Release();
                throw;
            }
        }
        finally
        {
            Interlocked.Decrement(ref state.Waiting);
        }
        return new Lease(this, state, host, held);
    }

    /// <summary>Takes the host's slot in the database once it is due, waiting as long as the database says; returns the
    /// holder to give it back with.</summary>
    private async Task<Guid> TakeSlotAsync(string host, TimeSpan delay, CancellationToken ct)
    {
        var holder = Guid.NewGuid();
        // Held no longer than a download can last (every redirect included), should this process die meanwhile.
        var hold = TimeSpan.FromSeconds(options.TimeoutSeconds + 5);
        var poll = TimeSpan.FromMilliseconds(Math.Max(10, delay.TotalMilliseconds / 4));
        while (await slots.TryTakeAsync(host, holder, hold, poll, ct) is { } wait)
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
        return holder;
    }

    /// <summary>Whether robots.txt lets us fetch the URL (always true when <c>RespectRobots</c> is off).</summary>
    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken ct)
    {
        if (!options.RespectRobots) return true;
        return (await RobotsAsync(url, ct)).IsAllowed(url);
    }

    /// <summary>Why the robots.txt of the URL's host could not be read (unreachable, refused address, 5xx), or null.</summary>
    public string? RobotsProblem(Uri url) => State(url).RobotsProblem;

    /// <summary>
    /// The sitemaps the robots.txt of the URL's host names for that host (<see cref="RobotsTxt.SitemapsOf"/>), handed out
    /// once per host while this process runs (empty afterwards, and when robots.txt is absent, unreadable or not
    /// respected): the caller adds them as sources.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeSitemapsAsync(Uri url, int max, CancellationToken ct)
    {
        if (!options.RespectRobots || max <= 0) return [];
        var robots = await RobotsAsync(url, ct);
        var state = State(url);
        if (ReferenceEquals(robots, RobotsTxt.DisallowAll) || Interlocked.Exchange(ref state.SitemapsTaken, 1) == 1) return [];
        return robots.SitemapsOf(new Uri(HostKey(url)), max);
    }

    private async Task<RobotsTxt> RobotsAsync(Uri url, CancellationToken ct)
    {
        var state = State(url);
        if (state.Robots is { } cached && state.RobotsExpires > DateTimeOffset.UtcNow) return cached;
        await state.RobotsLock.WaitAsync(ct);
        try
        {
            if (state.Robots is { } again && state.RobotsExpires > DateTimeOffset.UtcNow) return again;
            var robotsUrl = new Uri(new Uri(HostKey(url)), "/robots.txt");
            RobotsTxt robots;
            string? problem = null;
            var ttl = TimeSpan.FromMinutes(options.RobotsCacheMinutes);
            try
            {
                PageResponse response;
                await using (await EnterAsync(robotsUrl, ct))
                    response = await downloader.GetAsync(robotsUrl.AbsoluteUri, ct: ct);
                robots = response.StatusCode switch
                {
                    >= 200 and < 300 => RobotsTxt.Parse(Encoding.UTF8.GetString(response.Body), options.UserAgent),
                    >= 400 and < 500 => RobotsTxt.AllowAll,
                    _ => RobotsTxt.DisallowAll,
                };
                if (response.StatusCode >= 500)
                {
                    ttl = TimeSpan.FromMinutes(Math.Min(options.RobotsCacheMinutes, 10));
                    problem = $"HTTP {response.StatusCode}";
                }
            }
            // PostgreSQL away (the host's slot) is not the robots.txt's fault: it is waited out by the caller.
            catch (Exception e) when ((e is not OperationCanceledException || !ct.IsCancellationRequested) && !TransientFaults.IsTransient(e))
            {
                // Unreachable robots.txt: disallow for a short while rather than crawl blind (RFC 9309 2.3.1.4).
                logger.LogWarning("robots.txt of {Host} unavailable: {Error}", HostKey(url), e.Message);
                robots = RobotsTxt.DisallowAll;
                problem = e.Message;
                ttl = TimeSpan.FromMinutes(Math.Min(options.RobotsCacheMinutes, 10));
            }
            state.Robots = robots;
            state.RobotsProblem = problem;
            state.RobotsExpires = DateTimeOffset.UtcNow + ttl;
            return robots;
        }
        finally
        {
            state.RobotsLock.Release();
        }
    }

    private HostState State(Uri url) => hosts.GetOrAdd(HostKey(url), _ => new HostState(Math.Max(1, options.MaxConcurrentPerHost)));

    private TimeSpan DelayFor(HostState state)
    {
        var delay = TimeSpan.FromMilliseconds(options.HostMinDelayMs);
        if (options.RespectRobots && state.Robots?.CrawlDelay is { } crawl)
        {
            var capped = TimeSpan.FromSeconds(Math.Min(crawl.TotalSeconds, options.MaxCrawlDelaySeconds));
            if (capped > delay) delay = capped;
        }
        return delay;
    }

    private async Task ReleaseSlotAsync(string host, Guid holder, TimeSpan delay)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await slots.ReleaseAsync(host, holder, delay, limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException || TransientFaults.IsTransient(e))
        {
            logger.LogDebug("Slot of {Host} not given back ({Error}); its hold runs out", host, e.Message);
        }
    }

    /// <summary>Gives the database slot back (best effort: when PostgreSQL is away the hold runs out), then this process's.</summary>
    private sealed class Lease(HostGate gate, HostState state, string host, Guid? held) : IAsyncDisposable
    {
        private int disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            var delay = gate.DelayFor(state);
            try
            {
                if (held is { } holder) await gate.ReleaseSlotAsync(host, holder, delay);
            }
            finally
            {
                state.NextStart = DateTimeOffset.UtcNow + delay;
                state.Slots.Release();
            }
        }
    }
}
