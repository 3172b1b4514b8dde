namespace Ingestion.Contracts;

/// <summary>
/// The fetcher downloaded (or read from a folder) one article page. Published once per article revision.
/// Consumed by the cleaner.
/// </summary>
/// <param name="ArticleId">Stable id of the article, derived from its canonical URL (see README, "Identity").</param>
/// <param name="Revision">1 for the first version of the page; increases when a re-fetched page's content changed.</param>
/// <param name="Url">The URL the page was requested at (for folder sources, a <c>file:</c> URL).</param>
/// <param name="FinalUrl">The URL after redirects; equal to <paramref name="Url"/> when there were none.</param>
/// <param name="Source">Where the article was found: the feed or folder it came from.</param>
/// <param name="ContentType">Media type of the page, e.g. <c>text/html</c> or <c>text/plain</c>.</param>
/// <param name="Charset">Character set declared by the server or detected, or null when unknown.</param>
/// <param name="StatusCode">HTTP status of the final response (200 for folder sources).</param>
/// <param name="FetchedAt">When the page was fetched, UTC.</param>
/// <param name="ContentHash">Hex SHA-256 of the uncompressed page bytes; equal hashes mean an unchanged page.</param>
/// <param name="BodyGzip">The page bytes exactly as received, gzip-compressed.</param>
/// <param name="Item">What the feed said about this item, when it came from a feed; null for folder sources.</param>
public sealed record ArticleFetched(
    string ArticleId,
    int Revision,
    string Url,
    string FinalUrl,
    SourceRef Source,
    string ContentType,
    string? Charset,
    int StatusCode,
    DateTimeOffset FetchedAt,
    string ContentHash,
    byte[] BodyGzip,
    FeedItemInfo? Item);
