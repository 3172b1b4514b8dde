using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Indexer.Domain;
using Npgsql;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Writes enriched articles into the search index, once per revision. The revision row and the article row change in
/// one transaction; the event to publish is stored with them, so a redelivery returns the same event and indexes nothing.
/// An older revision arriving after a newer one is recorded in the change feed but does not replace the newer text.
/// </summary>
public sealed class ArticleIndex(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ArticleIndexed Event, bool Redelivered)> IndexAsync(ArticleEnriched message, CancellationToken ct)
    {
        var a = message.Article;
        var e = message.Enrichment;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var cursor = await conn.ExecuteScalarAsync<long?>(new CommandDefinition("""
            insert into revisions (article_id, revision) values (@ArticleId, @Revision)
            on conflict (article_id, revision) do nothing
            returning change_cursor
            """, new { a.ArticleId, a.Revision }, tx, cancellationToken: ct));
        if (cursor is null)
        {
            await tx.RollbackAsync(ct);
            var stored = await conn.ExecuteScalarAsync<string>(new CommandDefinition(
                "select event::text from revisions where article_id = @ArticleId and revision = @Revision",
                new { a.ArticleId, a.Revision }, cancellationToken: ct));
            return (JsonSerializer.Deserialize<ArticleIndexed>(stored!, Json)!, true);
        }

        var indexedAt = DateTimeOffset.UtcNow;
        var evt = new ArticleIndexed(EventIds.For(a.ArticleId, a.Revision), a.ArticleId, a.Revision, a.Url, a.Title, a.Published,
            e.Language ?? a.Language, a.Source.Name, a.SiteName, a.Authors, e.Summary,
            e.Entities.Select(x => new EntityRef(x.Name, x.Type, x.Count)).ToList(), e.Keywords, e.DuplicateOf, cursor.Value, indexedAt);

        await conn.ExecuteAsync(new CommandDefinition("""
            insert into articles (article_id, revision, url, title, authors, published, language, source, site_name, dateline,
                description, summary, image_url, body, paragraphs, entities, keywords, quotes, duplicate_of, ts_config,
                indexed_at, change_cursor)
            values (@ArticleId, @Revision, @Url, @Title, @Authors, @Published, @Language, @Source, @SiteName, @Dateline,
                @Description, @Summary, @ImageUrl, @Body, @Paragraphs::jsonb, @Entities::jsonb, @Keywords, @Quotes::jsonb,
                @DuplicateOf, @TsConfig::regconfig, @IndexedAt, @Cursor)
            on conflict (article_id) do update set
                revision = excluded.revision, url = excluded.url, title = excluded.title, authors = excluded.authors,
                published = excluded.published, language = excluded.language, source = excluded.source,
                site_name = excluded.site_name, dateline = excluded.dateline, description = excluded.description,
                summary = excluded.summary, image_url = excluded.image_url, body = excluded.body,
                paragraphs = excluded.paragraphs, entities = excluded.entities, keywords = excluded.keywords,
                quotes = excluded.quotes, duplicate_of = excluded.duplicate_of, ts_config = excluded.ts_config,
                indexed_at = excluded.indexed_at, change_cursor = excluded.change_cursor
            where articles.revision < excluded.revision
            """, new
        {
            a.ArticleId, a.Revision, a.Url, a.Title, Authors = a.Authors.ToArray(), Published = a.Published?.UtcDateTime,
            Language = evt.Language, Source = a.Source.Name, a.SiteName, a.Dateline, a.Description, e.Summary, a.ImageUrl,
            Body = string.Join("\n\n", a.Paragraphs),
            Paragraphs = JsonSerializer.Serialize(a.Paragraphs, Json),
            Entities = JsonSerializer.Serialize(e.Entities, Json),
            Keywords = e.Keywords.ToArray(),
            Quotes = JsonSerializer.Serialize(e.Quotes, Json),
            e.DuplicateOf,
            TsConfig = TextSearchConfig.For(evt.Language),
            IndexedAt = indexedAt.UtcDateTime,
            Cursor = cursor.Value,
        }, tx, cancellationToken: ct));

        await conn.ExecuteAsync(new CommandDefinition(
            "update revisions set event = @Event::jsonb, indexed_at = @IndexedAt where change_cursor = @Cursor",
            new { Event = JsonSerializer.Serialize(evt, Json), IndexedAt = indexedAt.UtcDateTime, Cursor = cursor.Value }, tx,
            cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (evt, false);
    }
}
