using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Hosting.Messaging;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

/// <summary>
/// The fetcher's record of page revisions: written before publishing, so nothing found is ever lost. With several
/// fetchers a page's publication is claimed (<c>publish_leased_until</c>, <c>publish_leased_by</c>): the fetcher that
/// records a page holds it while it publishes, and <see cref="ClaimUnpublishedAsync"/> takes only pages nobody holds.
/// </summary>
public sealed class PageStore(NpgsqlDataSource dataSource, FetcherOptions options, RabbitMqOptions broker)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long a publication is held: a publish takes at most PublishTimeoutSeconds, then the mark.</summary>
    TimeSpan PublishLease => TimeSpan.FromSeconds(2 * broker.PublishTimeoutSeconds + 20);

    /// <summary>Records the page as a new revision unless its content equals the newest revision's. Returns the new revision, or null when
    /// unchanged.</summary>
    public async Task<int?> RecordAsync(NewPage p, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
            with latest as (
                select revision, content_hash from pages where article_id = @ArticleId order by revision desc limit 1)
            insert into pages (article_id, revision, url, final_url, source_kind, source_name, source_location, content_type,
                               charset, status_code, content_hash, body_gzip, item, fetched_at, trace_parent, publish_leased_until,
                               publish_leased_by)
            select @ArticleId, coalesce((select revision from latest), 0) + 1, @Url, @FinalUrl, @Kind, @Name, @Location,
                   @ContentType, @Charset, @StatusCode, @ContentHash, @BodyGzip, @Item::jsonb, @FetchedAt, @TraceParent,
                   now() + @Lease, @Instance
            where coalesce((select content_hash from latest), '') <> @ContentHash
            on conflict (article_id, revision) do nothing
            returning revision
            """, new
        {
            p.ArticleId, p.Url, p.FinalUrl, p.Source.Kind, p.Source.Name, p.Source.Location, p.ContentType, p.Charset,
            p.StatusCode, p.ContentHash, p.BodyGzip, Item = p.Item is null ? null : JsonSerializer.Serialize(p.Item, Json),
            FetchedAt = p.FetchedAt.UtcDateTime, p.TraceParent, Lease = PublishLease, Instance = options.InstanceId,
        }, cancellationToken: ct));
    }

    public async Task<bool> IsKnownAsync(string articleId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from pages where article_id = @articleId)", new { articleId }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> pages recorded but not (yet) published, oldest first, each with the trace it
    /// was recorded in: pages no fetcher holds (never claimed, a claim run out, or this instance's own), skipping rows
    /// another fetcher is claiming at this moment.
    /// </summary>
    public async Task<IReadOnlyList<(ArticleFetched Message, string? TraceParent)>> ClaimUnpublishedAsync(int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<PageRow>(new CommandDefinition("""
            update pages p set publish_leased_until = now() + @lease, publish_leased_by = @instance
            from (select article_id, revision from pages
                  where published_at is null
                    and (publish_leased_until is null or publish_leased_until < now() or publish_leased_by = @instance)
                  order by fetched_at, article_id, revision limit @limit
                  for update skip locked) c
            where p.article_id = c.article_id and p.revision = c.revision
            returning p.article_id, p.revision, p.url, p.final_url, p.source_kind, p.source_name, p.source_location,
                      p.content_type, p.charset, p.status_code, p.fetched_at, p.content_hash, p.body_gzip, p.item::text as item,
                      p.trace_parent
            """, new { limit, lease = PublishLease, instance = options.InstanceId }, cancellationToken: ct));
        return rows.OrderBy(r => r.fetched_at).ThenBy(r => r.article_id, StringComparer.Ordinal).ThenBy(r => r.revision)
            .Select(r => (r.ToPage().ToMessage(r.revision), r.trace_parent)).ToList();
    }

    public async Task MarkPublishedAsync(string articleId, int revision, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "update pages set published_at = now(), publish_leased_until = null where article_id = @articleId and revision = @revision",
            new { articleId, revision }, cancellationToken: ct));
    }

    public async Task<object> StatusAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var r = await conn.QuerySingleAsync<(long Pages, long Articles, long Unpublished, long Failures)>(new CommandDefinition("""
            select (select count(*) from pages), (select count(distinct article_id) from pages),
                   (select count(*) from pages where published_at is null), (select count(*) from fetch_failures where attempts > 0)
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
