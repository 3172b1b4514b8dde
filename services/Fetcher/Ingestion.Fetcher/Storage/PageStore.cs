using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

/// <summary>The fetcher's record of page revisions: written before publishing, so nothing found is ever lost.</summary>
public sealed class PageStore(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Records the page as a new revision unless its content equals the newest revision's. Returns the new revision, or null when
    /// unchanged.</summary>
    public async Task<int?> RecordAsync(NewPage p, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
            with latest as (
                select revision, content_hash from pages where article_id = @ArticleId order by revision desc limit 1)
            insert into pages (article_id, revision, url, final_url, source_kind, source_name, source_location, content_type,
                               charset, status_code, content_hash, body_gzip, item, fetched_at, trace_parent)
            select @ArticleId, coalesce((select revision from latest), 0) + 1, @Url, @FinalUrl, @Kind, @Name, @Location,
                   @ContentType, @Charset, @StatusCode, @ContentHash, @BodyGzip, @Item::jsonb, @FetchedAt, @TraceParent
            where coalesce((select content_hash from latest), '') <> @ContentHash
            on conflict (article_id, revision) do nothing
            returning revision
            """, new
        {
            p.ArticleId, p.Url, p.FinalUrl, p.Source.Kind, p.Source.Name, p.Source.Location, p.ContentType, p.Charset,
            p.StatusCode, p.ContentHash, p.BodyGzip, Item = p.Item is null ? null : JsonSerializer.Serialize(p.Item, Json),
            FetchedAt = p.FetchedAt.UtcDateTime, p.TraceParent,
        }, cancellationToken: ct));
    }

    public async Task<bool> IsKnownAsync(string articleId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from pages where article_id = @articleId)", new { articleId }, cancellationToken: ct));
    }

    /// <summary>Pages recorded but not (yet) published, oldest first, each with the trace it was recorded in.</summary>
    public async Task<IReadOnlyList<(ArticleFetched Message, string? TraceParent)>> UnpublishedAsync(int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<PageRow>(new CommandDefinition("""
            select article_id, revision, url, final_url, source_kind, source_name, source_location, content_type, charset,
                   status_code, fetched_at, content_hash, body_gzip, item::text as item, trace_parent
            from pages where published_at is null order by fetched_at, article_id, revision limit @limit
            """, new { limit }, cancellationToken: ct));
        return rows.Select(r => (r.ToPage().ToMessage(r.revision), r.trace_parent)).ToList();
    }

    public async Task MarkPublishedAsync(string articleId, int revision, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "update pages set published_at = now() where article_id = @articleId and revision = @revision",
            new { articleId, revision }, cancellationToken: ct));
    }

    public async Task<object> StatusAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var r = await conn.QuerySingleAsync<(long Pages, long Articles, long Unpublished, long Failures)>(new CommandDefinition("""
            select (select count(*) from pages), (select count(distinct article_id) from pages),
                   (select count(*) from pages where published_at is null), (select count(*) from fetch_failures)
            """, cancellationToken: ct));
        return new { pages = r.Pages, articles = r.Articles, unpublished = r.Unpublished, failedUrls = r.Failures };
    }

    // Dapper maps columns by name onto this row type.
#pragma warning disable IDE1006
    sealed record PageRow(string article_id, int revision, string url, string final_url, string source_kind, string source_name,
        string source_location, string content_type, string? charset, int status_code, DateTime fetched_at, string content_hash,
        byte[] body_gzip, string? item, string? trace_parent)
    {
        /// <summary>The page this row recorded.</summary>
        public NewPage ToPage() => new(ArticleId: article_id, Url: url, FinalUrl: final_url,
            Source: new SourceRef(source_kind, source_name, source_location), ContentType: content_type, Charset: charset,
            StatusCode: status_code, ContentHash: content_hash, BodyGzip: body_gzip,
            Item: item is null ? null : JsonSerializer.Deserialize<FeedItemInfo>(item, Json),
            FetchedAt: new DateTimeOffset(fetched_at, TimeSpan.Zero), TraceParent: trace_parent);
    }
#pragma warning restore IDE1006
}
