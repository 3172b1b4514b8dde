using Ingestion.Fetcher.Domain.Polling;

namespace Ingestion.Fetcher;

/// <summary>Section <c>Fetcher</c>. Every limit has a local default.</summary>
public sealed class FetcherOptions
{
    /// <summary>Folders whose files are ingested as documents (the folder source).</summary>
    public List<string> Folders { get; set; } = [];
    /// <summary>File extensions the folder source reads.</summary>
    public List<string> FolderExtensions { get; set; } = [".txt", ".html", ".htm"];
    /// <summary>Feeds to poll, added to the feed table at start-up.</summary>
    public List<FeedConfig> Feeds { get; set; } = [];
    /// <summary>JSON files of feeds to add at start-up (see FeedSeeds); a <c>feeds.json</c> in a folder source is read too.</summary>
    public List<string> FeedSeedFiles { get; set; } = [];
    /// <summary>Seconds between two scans of the folders (and retries of unpublished pages).</summary>
    public int CycleSeconds { get; set; } = 10;
    /// <summary>Seconds between two polls of a feed whose publishing rhythm is not known yet (and the base of the failure
    /// backoff).</summary>
    public int FeedPollSeconds { get; set; } = 300;
    /// <summary>A feed is never polled more often than this (seconds; a smaller FeedPollSeconds lowers it).</summary>
    public int FeedMinPollSeconds { get; set; } = 60;
    /// <summary>A healthy feed is polled at least this often (seconds), whatever its rhythm or ttl says.</summary>
    public int FeedMaxPollSeconds { get; set; } = 6 * 3600;
    /// <summary>The longest wait after failures or a Retry-After (seconds).</summary>
    public int FeedMaxBackoffSeconds { get; set; } = 24 * 3600;

    /// <summary>The schedule bounds these options describe.</summary>
    public PollPolicy PollPolicy => new(
        TimeSpan.FromSeconds(Math.Min(FeedMinPollSeconds, FeedPollSeconds)),
        TimeSpan.FromSeconds(Math.Max(FeedMaxPollSeconds, FeedPollSeconds)),
        TimeSpan.FromSeconds(FeedPollSeconds),
        TimeSpan.FromSeconds(Math.Max(FeedMaxBackoffSeconds, FeedPollSeconds)));
    /// <summary>Pages larger than this are refused with ArticleRejected (too-large), not sent.</summary>
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;
    public int TimeoutSeconds { get; set; } = 30;
    public int MaxRedirects { get; set; } = 5;
    /// <summary>Allow fetching from loopback addresses (local development and tests).</summary>
    public bool AllowLoopback { get; set; }
    /// <summary>Allow fetching from private-range addresses (intranet deployments).</summary>
    public bool AllowPrivate { get; set; }
    public string UserAgent { get; set; } = "IngestionBot/0.1 (+https://github.com/ingestion/ingestion)";
    /// <summary>Fetch robots.txt per host and honour its Disallow rules and Crawl-delay.</summary>
    public bool RespectRobots { get; set; } = true;
    /// <summary>How long a host's robots.txt is cached (minutes).</summary>
    public int RobotsCacheMinutes { get; set; } = 60;
    /// <summary>Sitemaps a feed's host names in its robots.txt (<c>Sitemap:</c> lines, same host only) that are added as
    /// sources when the feed is first polled; 0 turns this off.</summary>
    public int MaxRobotsSitemapsPerHost { get; set; } = 5;
    /// <summary>A Crawl-delay longer than this (seconds) is capped.</summary>
    public int MaxCrawlDelaySeconds { get; set; } = 60;
    /// <summary>Requests to one host at once.</summary>
    public int MaxConcurrentPerHost { get; set; } = 1;
    /// <summary>Minimum pause between two requests to one host (milliseconds).</summary>
    public int HostMinDelayMs { get; set; } = 1000;
    /// <summary>Hosts polled in parallel.</summary>
    public int MaxParallelHosts { get; set; } = 8;
    /// <summary>Download attempts for an article URL before it is rejected for good.</summary>
    public int MaxPageAttempts { get; set; } = 5;
    /// <summary>How long a fetcher holds the feeds and article URLs it claimed (seconds): a feed's lease is renewed
    /// while its poll runs, and a dead fetcher's claims are taken over by another this long after (docs/fetcher.md,
    /// "Several fetchers").</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>Who holds a lease: unique per running fetcher (host name and process id unless set).</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>The lease duration these options describe.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        // A download must end within its claim, or another fetcher may start it again.
        if (LeaseSeconds < 10 || LeaseSeconds <= TimeoutSeconds)
            yield return $"Fetcher:LeaseSeconds must be at least 10 and more than Fetcher:TimeoutSeconds ({TimeoutSeconds}) "
                + $"(is {LeaseSeconds}).";
        if (string.IsNullOrWhiteSpace(InstanceId)) yield return "Fetcher:InstanceId must not be empty.";
    }
}

public sealed class FeedConfig
{
    public string Url { get; set; } = "";
    public string? Name { get; set; }
}
