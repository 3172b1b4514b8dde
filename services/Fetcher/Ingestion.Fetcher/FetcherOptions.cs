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
    /// <summary>Seconds between two scans of the folders (and retries of unpublished pages).</summary>
    public int CycleSeconds { get; set; } = 10;
    /// <summary>Seconds between two polls of one feed.</summary>
    public int FeedPollSeconds { get; set; } = 300;
    /// <summary>Pages larger than this are refused with ArticleRejected (too-large), not sent.</summary>
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;
    public int TimeoutSeconds { get; set; } = 30;
    public int MaxRedirects { get; set; } = 5;
    /// <summary>Allow fetching from loopback addresses (local development and tests).</summary>
    public bool AllowLoopback { get; set; }
    /// <summary>Allow fetching from private-range addresses (intranet deployments).</summary>
    public bool AllowPrivate { get; set; }
    public string UserAgent { get; set; } = "IngestionBot/0.1 (+https://github.com/ingestion/ingestion)";
    /// <summary>Download attempts for an article URL before it is rejected for good.</summary>
    public int MaxPageAttempts { get; set; } = 5;
}

public sealed class FeedConfig
{
    public string Url { get; set; } = "";
    public string? Name { get; set; }
}
