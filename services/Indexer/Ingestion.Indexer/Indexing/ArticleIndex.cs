using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Indexer.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Writes enriched articles into the search index, once per revision. The revision rows, the article rows and their
/// entity rows change in one transaction; the event to publish is stored with them, so a redelivery returns the same
/// event and indexes nothing. An older revision arriving after a newer one is recorded in the change feed but does not
/// replace the newer text. Writers take a transaction lock first, so change cursors become visible in the order they
/// were handed out: a reader of <c>GET /articles/changes?after=</c> never skips a revision committed later with a lower cursor.
/// One message or a batch take the same path (<see cref="IndexBatchAsync"/>); the consumer writes one at a time,
/// bulk loads (the search benchmark) write hundreds per transaction.
/// </summary>
public sealed class ArticleIndex(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ArticleIndexed Event, bool Redelivered)> IndexAsync(ArticleEnriched message, CancellationToken ct) =>
        (await IndexBatchAsync([message], ct))[0];

    /// <summary>Indexes a batch in one transaction; returns each message's event (in input order) and whether it was already indexed.</summary>
    public async Task<IReadOnlyList<(ArticleIndexed Event, bool Redelivered)>> IndexBatchAsync(IReadOnlyList<ArticleEnriched> messages, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('indexer-change-feed'))", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);

        var cursors = await TakeCursorsAsync(conn, tx, messages, ct);
        var indexedAt = DateTimeOffset.UtcNow;
        var fresh = new Dictionary<(string, int), (ArticleIndexed Event, ArticleEnriched Message)>();
        foreach (var m in messages)
        {
            var key = (m.Article.ArticleId, m.Article.Revision);
            if (cursors.TryGetValue(key, out var cursor) && !fresh.ContainsKey(key))
                fresh[key] = (ToEvent(m, cursor, indexedAt), m);
        }

        if (fresh.Count > 0)
        {
            // Per article, only the highest new revision can replace the stored one.
            var newest = fresh.Values.GroupBy(f => f.Event.ArticleId).Select(g => g.MaxBy(f => f.Event.Revision)).ToList();
            var replaced = await UpsertArticlesAsync(conn, tx, newest, indexedAt, ct);
            await ReplaceEntitiesAsync(conn, tx, newest.Where(f => replaced.Contains(f.Event.ArticleId)).ToList(), ct);
            await StoreEventsAsync(conn, tx, fresh.Values.Select(f => f.Event).ToList(), ct);
        }
        var stored = fresh.Count == messages.Count ? [] : await StoredEventsAsync(conn, tx, messages, fresh, ct);
        await tx.CommitAsync(ct);

        var seen = new HashSet<(string, int)>();
        return messages.Select(m =>
        {
            var key = (m.Article.ArticleId, m.Article.Revision);
            var first = seen.Add(key);
            return fresh.TryGetValue(key, out var f) && first ? (f.Event, false) : (fresh.TryGetValue(key, out var g) ? g.Event : stored[key], true);
        }).ToList();
    }

    static ArticleIndexed ToEvent(ArticleEnriched m, long cursor, DateTimeOffset indexedAt)
    {
        var (a, e) = (m.Article, m.Enrichment);
        return new ArticleIndexed(EventIds.For(a.ArticleId, a.Revision), a.ArticleId, a.Revision, a.Url, a.Title, a.Published,
            e.Language ?? a.Language, a.Source.Name, a.SiteName, a.Authors, e.Summary,
            e.Entities.Select(x => new EntityRef(x.Name, x.Type, x.Count)).ToList(), e.Keywords, e.DuplicateOf, cursor, indexedAt);
    }

    static async Task<Dictionary<(string, int), long>> TakeCursorsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<ArticleEnriched> messages, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into revisions (article_id, revision)
            select t.id, t.rev from unnest(@ids, @revs) with ordinality as t(id, rev, n) order by t.n
            on conflict (article_id, revision) do nothing
            returning article_id, revision, change_cursor
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", messages.Select(m => m.Article.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("revs", messages.Select(m => m.Article.Revision).ToArray());
        var result = new Dictionary<(string, int), long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        return result;
    }

    static async Task<HashSet<string>> UpsertArticlesAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        List<(ArticleIndexed Event, ArticleEnriched Message)> rows, DateTimeOffset indexedAt, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into articles (article_id, revision, url, title, authors, published, language, source, site_name, dateline,
                description, summary, image_url, body, paragraphs, entities, keywords, quotes, duplicate_of, ts_config,
                indexed_at, change_cursor)
            select t.id, t.rev, t.url, t.title, array(select jsonb_array_elements_text(t.authors::jsonb)), t.published, t.lang,
                t.source, t.site, t.dateline, t.descr, t.summary, t.image, t.body, t.paragraphs::jsonb, t.entities::jsonb,
                array(select jsonb_array_elements_text(t.keywords::jsonb)), t.quotes::jsonb, t.dup, t.cfg::regconfig, @at, t.cursor
            from unnest(@id, @rev, @url, @title, @authors, @published, @lang, @source, @site, @dateline, @descr, @summary, @image,
                        @body, @paragraphs, @entities, @keywords, @quotes, @dup, @cfg, @cursor)
                 as t(id, rev, url, title, authors, published, lang, source, site, dateline, descr, summary, image,
                      body, paragraphs, entities, keywords, quotes, dup, cfg, cursor)
            on conflict (article_id) do update set
                revision = excluded.revision, url = excluded.url, title = excluded.title, authors = excluded.authors,
                published = excluded.published, language = excluded.language, source = excluded.source,
                site_name = excluded.site_name, dateline = excluded.dateline, description = excluded.description,
                summary = excluded.summary, image_url = excluded.image_url, body = excluded.body,
                paragraphs = excluded.paragraphs, entities = excluded.entities, keywords = excluded.keywords,
                quotes = excluded.quotes, duplicate_of = excluded.duplicate_of, ts_config = excluded.ts_config,
                indexed_at = excluded.indexed_at, change_cursor = excluded.change_cursor
            where articles.revision < excluded.revision
            returning article_id
            """, conn, tx);
        string[] Col(Func<CleanedArticle, Enrichment, string> f) => rows.Select(r => f(r.Message.Article, r.Message.Enrichment)).ToArray();
        string?[] Opt(Func<CleanedArticle, Enrichment, string?> f) => rows.Select(r => f(r.Message.Article, r.Message.Enrichment)).ToArray();
        var p = cmd.Parameters;
        p.AddWithValue("id", Col((a, _) => a.ArticleId));
        p.AddWithValue("rev", rows.Select(r => r.Event.Revision).ToArray());
        p.AddWithValue("url", Col((a, _) => a.Url));
        p.AddWithValue("title", Col((a, _) => a.Title));
        p.AddWithValue("authors", Col((a, _) => JsonSerializer.Serialize(a.Authors, Json)));
        p.Add(new NpgsqlParameter("published", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = rows.Select(r => r.Event.Published?.UtcDateTime).ToArray() });
        p.Add(Nullable("lang", rows.Select(r => r.Event.Language).ToArray()));
        p.AddWithValue("source", Col((a, _) => a.Source.Name));
        p.Add(Nullable("site", Opt((a, _) => a.SiteName)));
        p.Add(Nullable("dateline", Opt((a, _) => a.Dateline)));
        p.Add(Nullable("descr", Opt((a, _) => a.Description)));
        p.AddWithValue("summary", Col((_, e) => e.Summary));
        p.Add(Nullable("image", Opt((a, _) => a.ImageUrl)));
        p.AddWithValue("body", Col((a, _) => string.Join("\n\n", a.Paragraphs)));
        p.AddWithValue("paragraphs", Col((a, _) => JsonSerializer.Serialize(a.Paragraphs, Json)));
        p.AddWithValue("entities", Col((_, e) => JsonSerializer.Serialize(e.Entities, Json)));
        p.AddWithValue("keywords", Col((_, e) => JsonSerializer.Serialize(e.Keywords, Json)));
        p.AddWithValue("quotes", Col((_, e) => JsonSerializer.Serialize(e.Quotes, Json)));
        p.Add(Nullable("dup", Opt((_, e) => e.DuplicateOf)));
        p.AddWithValue("cfg", rows.Select(r => TextSearchConfig.For(r.Event.Language)).ToArray());
        p.AddWithValue("cursor", rows.Select(r => r.Event.ChangeCursor).ToArray());
        p.AddWithValue("at", indexedAt.UtcDateTime);

        var replaced = new HashSet<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            replaced.Add(reader.GetString(0));
        return replaced;
    }

    static async Task ReplaceEntitiesAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        List<(ArticleIndexed Event, ArticleEnriched Message)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var entities = rows.SelectMany(r => r.Message.Enrichment.Entities.Select(e => (r.Event.ArticleId, e))).ToList();
        await using var cmd = new NpgsqlCommand("""
            delete from article_entities where article_id = any(@articles);
            insert into article_entities (article_id, name, type, mentions)
            select * from unnest(@id, @name, @type, @mentions) on conflict do nothing;
            """, conn, tx);
        cmd.Parameters.AddWithValue("articles", rows.Select(r => r.Event.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("id", entities.Select(x => x.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("name", entities.Select(x => x.e.Name).ToArray());
        cmd.Parameters.AddWithValue("type", entities.Select(x => x.e.Type).ToArray());
        cmd.Parameters.AddWithValue("mentions", entities.Select(x => x.e.Count).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task StoreEventsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, List<ArticleIndexed> events, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update revisions r set event = v.e::jsonb, indexed_at = @at
            from unnest(@cursors, @events) as v(c, e) where r.change_cursor = v.c
            """, conn, tx);
        cmd.Parameters.AddWithValue("cursors", events.Select(e => e.ChangeCursor).ToArray());
        cmd.Parameters.AddWithValue("events", events.Select(e => JsonSerializer.Serialize(e, Json)).ToArray());
        cmd.Parameters.AddWithValue("at", events[0].IndexedAt.UtcDateTime);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<Dictionary<(string, int), ArticleIndexed>> StoredEventsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<ArticleEnriched> messages, Dictionary<(string, int), (ArticleIndexed, ArticleEnriched)> fresh, CancellationToken ct)
    {
        var missing = messages.Select(m => (m.Article.ArticleId, m.Article.Revision)).Where(k => !fresh.ContainsKey(k)).Distinct().ToList();
        await using var cmd = new NpgsqlCommand("""
            select r.article_id, r.revision, r.event::text from revisions r
            join unnest(@ids, @revs) as t(id, rev) on r.article_id = t.id and r.revision = t.rev
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", missing.Select(k => k.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("revs", missing.Select(k => k.Revision).ToArray());
        var result = new Dictionary<(string, int), ArticleIndexed>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetInt32(1))] = JsonSerializer.Deserialize<ArticleIndexed>(reader.GetString(2), Json)!;
        return result;
    }

    static NpgsqlParameter Nullable(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };
}
