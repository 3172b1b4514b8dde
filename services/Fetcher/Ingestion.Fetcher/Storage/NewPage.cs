using Ingestion.Contracts;

namespace Ingestion.Fetcher.Storage;

/// <summary>
/// A page the fetcher records: everything its <see cref="ArticleFetched"/> says but the revision, which recording
/// gives, plus the trace it was found in.
/// </summary>
public sealed record NewPage(string ArticleId, string Url, string FinalUrl, SourceRef Source, string ContentType, string? Charset,
    int StatusCode, string ContentHash, byte[] BodyGzip, FeedItemInfo? Item, DateTimeOffset FetchedAt, string? TraceParent)
{
    /// <summary>A page downloaded or read just now: <paramref name="body"/> is hashed and gzipped; no trace yet.</summary>
    public static NewPage Fetched(string articleId, string url, string finalUrl, SourceRef source, string contentType,
        string? charset, int statusCode, byte[] body, FeedItemInfo? item) =>
        new(ArticleId: articleId, Url: url, FinalUrl: finalUrl, Source: source, ContentType: contentType, Charset: charset,
            StatusCode: statusCode, ContentHash: Domain.Identity.ContentHash.Of(body), BodyGzip: PageBody.Compress(body),
            Item: item, FetchedAt: DateTimeOffset.UtcNow, TraceParent: null);

    /// <summary>The message that announces this page, recorded as <paramref name="revision"/>.</summary>
    public ArticleFetched ToMessage(int revision) => new(ArticleId: ArticleId, Revision: revision, Url: Url,
        FinalUrl: FinalUrl, Source: Source, ContentType: ContentType, Charset: Charset, StatusCode: StatusCode,
        FetchedAt: FetchedAt, ContentHash: ContentHash, BodyGzip: BodyGzip, Item: Item);
}
