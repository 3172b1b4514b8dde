using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Indexer.Indexing;
using Ingestion.Indexer.Vectors;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>The index read by article: one article with its revisions, the change feed, the counts, the rejections.</summary>
public sealed class ArticleQueries(NpgsqlDataSource dataSource, TextVectors textVectors, IndexBatcher batcher)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ArticleDetail?> GetArticleAsync(string id, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var json = await conn.ExecuteScalarAsync<string>(new CommandDefinition("""
            select json_build_object(
                'id', a.article_id, 'revision', a.revision, 'url', a.url, 'title', a.title, 'authors', a.authors,
                'published', a.published, 'language', a.language, 'source', a.source, 'siteName', a.site_name,
                'dateline', a.dateline, 'description', a.description, 'summary', a.summary, 'imageUrl', a.image_url,
                'paragraphs', coalesce(a.paragraphs, to_jsonb(string_to_array(a.body, E'\n\n'))), -- StoredParagraphs
                'entities', a.entities, 'keywords', a.keywords, 'quotes', a.quotes,
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
            .Select(StoredEvent.Read).ToList();
        return new ChangesPage(events, events.Count == 0 ? after : events[^1].ChangeCursor);
    }

    public async Task<object> StatusAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<(long Articles, long Revisions, long Rejections)>(new CommandDefinition(
            "select (select count(*) from articles), (select count(*) from revisions), (select count(*) from rejections)",
            cancellationToken: ct));
        var vectors = textVectors.Counts;
        var written = batcher.Counts;
        return new
        {
            articles = row.Articles, revisions = row.Revisions, rejections = row.Rejections,
            textVectors = new { builtHere = vectors.BuiltHere, leftToPostgres = vectors.LeftToPostgres, remembered = vectors.Remembered },
            writes = new { batches = written.Batches, messages = written.Messages, largestBatch = written.Largest,
                splitAfterFailure = written.Split },
        };
    }

    public async Task<IReadOnlyList<ArticleRejected>> RejectionsAsync(int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string ArticleId, int Revision, string Url, string Stage, string Reason, string Detail,
            DateTime RejectedAt,
            string? Title, DateTime? Published, string? Language)>(
            new CommandDefinition("""
                select article_id, revision, url, stage, reason, detail, rejected_at, title, published, language from rejections
                order by rejected_at desc limit @limit
                """, new { limit }, cancellationToken: ct));
        return rows.Select(r => new ArticleRejected(r.ArticleId, r.Revision, r.Url, r.Stage, r.Reason, r.Detail,
            new DateTimeOffset(r.RejectedAt, TimeSpan.Zero), r.Title,
            r.Published is { } p ? new DateTimeOffset(p, TimeSpan.Zero) : null, r.Language)).ToList();
    }
}
