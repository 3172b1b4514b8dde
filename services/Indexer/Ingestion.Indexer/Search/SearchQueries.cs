using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Indexer.Domain;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>The read side of the index: full-text search, one article, the change feed.</summary>
public sealed class SearchQueries(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The query is parsed with web-search syntax stemmed for English, unstemmed ('simple') and, when lang is given, stemmed
    // for that language; the parses are OR-ed. Articles in other languages are indexed with their language's stemmer, so
    // their inflected words are found with lang set (or by their stem).
    public async Task<SearchResult> SearchAsync(SearchRequest r, CancellationToken ct)
    {
        var asOf = r.Cursor?.AsOf ?? DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var args = new DynamicParameters(new
        {
            q = r.Query, langConfig = TextSearchConfig.For(r.Language), titleText = r.TitleText, lang = r.Language, source = r.Source, from = r.From?.UtcDateTime, to = r.To?.UtcDateTime,
            entityKeys = r.Entity?.Keys.ToArray(), limit = r.Limit, asOf = asOf.UtcDateTime,
            cScore = r.Cursor?.Score, cId = r.Cursor?.ArticleId, cPublished = r.Cursor?.Published?.UtcDateTime,
        });
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var near = r.Cursor?.NearTitles ?? false;
        var rows = (await conn.QueryAsync<HitRow>(new CommandDefinition(SearchSql.For(r, near), args, cancellationToken: ct))).ToList();
        if (!near && r.Cursor is null && r.TitleText is not null && rows is [{ Total: 0 }])
        {
            near = true; // nothing matched the words as written: look for titles that nearly match (a misspelling)
            rows = (await conn.QueryAsync<HitRow>(new CommandDefinition(SearchSql.For(r, near), args, cancellationToken: ct))).ToList();
        }
        var hits = rows.Where(h => h.Id is not null).ToList();
        var page = hits.Take(r.Limit).ToList();
        string? next = null;
        if (hits.Count > r.Limit)
        {
            var last = page[^1];
            next = new SearchCursor(r.Query is not null, asOf, last.Score, Utc(last.Published), last.Id!, r.Fingerprint, near).Encode();
        }
        var facets = rows.Count > 0 && rows[0].Facets is { } f ? JsonSerializer.Deserialize<SearchFacets>(f, Json) : null;
        return new SearchResult(rows.Count == 0 ? 0 : rows[0].Total,
            page.Select(h => new SearchHit(h.Id!, h.Url, h.Title, Utc(h.Published), h.Authors, h.Language, h.Source, h.Snippet ?? "", h.Score)).ToList(),
            next, facets, near);
    }

    static DateTimeOffset? Utc(DateTime? d) => d is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : null;

    public async Task<ArticleDetail?> GetArticleAsync(string id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string>(new CommandDefinition("""
            select json_build_object(
                'id', a.article_id, 'revision', a.revision, 'url', a.url, 'title', a.title, 'authors', a.authors,
                'published', a.published, 'language', a.language, 'source', a.source, 'siteName', a.site_name,
                'dateline', a.dateline, 'description', a.description, 'summary', a.summary, 'imageUrl', a.image_url,
                'paragraphs', a.paragraphs, 'entities', a.entities, 'keywords', a.keywords, 'quotes', a.quotes,
                'duplicateOf', a.duplicate_of, 'indexedAt', a.indexed_at,
                'revisions', (select coalesce(json_agg(json_build_object('revision', r.revision, 'changeCursor', r.change_cursor,
                                                                'indexedAt', r.indexed_at) order by r.revision), '[]')
                              from revisions r where r.article_id = a.article_id))::text
            from articles a where a.article_id = @id
            """, new { id }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<ArticleDetail>(json, Json);
    }

    public async Task<ChangesPage> ChangesAsync(long after, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var events = (await conn.QueryAsync<string>(new CommandDefinition("""
            select event::text from revisions where change_cursor > @after and event is not null
            order by change_cursor limit @limit
            """, new { after, limit }, cancellationToken: ct)))
            .Select(e => JsonSerializer.Deserialize<ArticleIndexed>(e, Json)!).ToList();
        return new ChangesPage(events, events.Count == 0 ? after : events[^1].ChangeCursor);
    }

    public async Task<object> StatusAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<(long Articles, long Revisions, long Rejections)>(new CommandDefinition(
            "select (select count(*) from articles), (select count(*) from revisions), (select count(*) from rejections)",
            cancellationToken: ct));
        return new { articles = row.Articles, revisions = row.Revisions, rejections = row.Rejections };
    }

    public async Task<IReadOnlyList<ArticleRejected>> RejectionsAsync(int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string ArticleId, int Revision, string Url, string Stage, string Reason, string Detail, DateTime RejectedAt)>(
            new CommandDefinition("""
                select article_id, revision, url, stage, reason, detail, rejected_at from rejections
                order by rejected_at desc limit @limit
                """, new { limit }, cancellationToken: ct));
        return rows.Select(r => new ArticleRejected(r.ArticleId, r.Revision, r.Url, r.Stage, r.Reason, r.Detail,
            new DateTimeOffset(r.RejectedAt, TimeSpan.Zero))).ToList();
    }

    sealed class HitRow
    {
        public long Total { get; set; }
        public string? Facets { get; set; }
        public string? Id { get; set; }
        public string Url { get; set; } = "";
        public string Title { get; set; } = "";
        public DateTime? Published { get; set; }
        public string[] Authors { get; set; } = [];
        public string? Language { get; set; }
        public string Source { get; set; } = "";
        public string? Snippet { get; set; }
        public double Score { get; set; }
    }
}
