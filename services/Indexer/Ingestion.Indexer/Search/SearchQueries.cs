using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Indexer.Domain;
using Npgsql;

namespace Ingestion.Indexer.Search;

public sealed record SearchHit(string Id, string Url, string Title, DateTimeOffset? Published, string[] Authors, string? Language,
    string Source, string Snippet, double Score);
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Items);
public sealed record ChangesPage(IReadOnlyList<ArticleIndexed> Items, long Next);

/// <summary>The read side of the index: full-text search, one article, the change feed.</summary>
public sealed class SearchQueries(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The query is parsed with web-search syntax twice, stemmed for English and unstemmed ('simple'), and the two
    // are OR-ed: English articles match on stems, articles in other languages (indexed per their language) on words.
    const string Filters = """
        (@lang::text is null or a.language = @lang)
        and (@source::text is null or a.source = @source)
        and (@from::timestamptz is null or a.published >= @from)
        and (@to::timestamptz is null or a.published <= @to)
        """;

    public async Task<SearchResult> SearchAsync(SearchRequest r, CancellationToken ct)
    {
        var args = new { q = r.Query, lang = r.Language, source = r.Source, from = r.From?.UtcDateTime, to = r.To?.UtcDateTime, limit = r.Limit };
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (r.Query is null)
        {
            var newest = await conn.QueryAsync<HitRow>(new CommandDefinition($"""
                select a.article_id as Id, a.url, a.title, a.published, a.authors, a.language, a.source,
                       left(coalesce(a.description, a.summary), 300) as snippet, 0::float8 as score, count(*) over () as total
                from articles a where {Filters}
                order by a.published desc nulls last, a.article_id limit @limit
                """, args, cancellationToken: ct));
            return ToResult(newest.ToList());
        }
        var rows = await conn.QueryAsync<HitRow>(new CommandDefinition($"""
            with query as (select websearch_to_tsquery('english', @q) || websearch_to_tsquery('simple', @q) as tsq),
            page as (
                select a.article_id, a.url, a.title, a.published, a.authors, a.language, a.source, a.ts_config, a.body,
                       ts_rank_cd(a.tsv, query.tsq, 32)
                         * (1 + 0.25 / (1 + extract(epoch from now() - coalesce(a.published, a.indexed_at)) / 2592000.0)) as score,
                       count(*) over () as total
                from articles a, query
                where a.tsv @@ query.tsq and {Filters}
                order by score desc, a.published desc nulls last, a.article_id
                limit @limit)
            select p.article_id as Id, p.url, p.title, p.published, p.authors, p.language, p.source, p.score, p.total,
                   ts_headline(p.ts_config, p.body, query.tsq,
                               'MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=" … ", StartSel=<b>, StopSel=</b>') as snippet
            from page p, query
            order by p.score desc, p.published desc nulls last, p.article_id
            """, args, cancellationToken: ct));
        return ToResult(rows.ToList());
    }

    public async Task<object?> GetArticleAsync(string id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string>(new CommandDefinition("""
            select json_build_object(
                'id', a.article_id, 'revision', a.revision, 'url', a.url, 'title', a.title, 'authors', a.authors,
                'published', a.published, 'language', a.language, 'source', a.source, 'siteName', a.site_name,
                'dateline', a.dateline, 'description', a.description, 'summary', a.summary, 'imageUrl', a.image_url,
                'paragraphs', a.paragraphs, 'entities', a.entities, 'keywords', a.keywords, 'quotes', a.quotes,
                'duplicateOf', a.duplicate_of, 'indexedAt', a.indexed_at,
                'revisions', (select json_agg(json_build_object('revision', r.revision, 'changeCursor', r.change_cursor,
                                                                'indexedAt', r.indexed_at) order by r.revision)
                              from revisions r where r.article_id = a.article_id))::text
            from articles a where a.article_id = @id
            """, new { id }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
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

    static SearchResult ToResult(List<HitRow> rows) => new(
        rows.Count == 0 ? 0 : rows[0].Total,
        rows.Select(h => new SearchHit(h.Id, h.Url, h.Title, h.Published is { } p ? new DateTimeOffset(p, TimeSpan.Zero) : null,
            h.Authors, h.Language, h.Source, h.Snippet ?? "", h.Score)).ToList());

    sealed class HitRow
    {
        public string Id { get; set; } = "";
        public string Url { get; set; } = "";
        public string Title { get; set; } = "";
        public DateTime? Published { get; set; }
        public string[] Authors { get; set; } = [];
        public string? Language { get; set; }
        public string Source { get; set; } = "";
        public string? Snippet { get; set; }
        public double Score { get; set; }
        public long Total { get; set; }
    }
}
