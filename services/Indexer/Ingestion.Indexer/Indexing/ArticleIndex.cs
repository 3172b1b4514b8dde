using System.Diagnostics;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Indexer.Domain.IndexTerms;
using Ingestion.Indexer.Vectors;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Writes enriched articles into the search index, once per revision. The article rows and the revision rows change in one
/// transaction; the event to publish is stored with its revision, so a redelivery returns the same event and indexes nothing.
/// An older revision arriving after a newer one is recorded in the change feed but does not replace the newer text.
/// The heavy part (parsing text into vectors, updating the text indexes) runs first, concurrently with other writers; only
/// handing out change cursors is serialised by a transaction lock held until commit, so cursors become visible in the
/// order they were handed out: a reader of <c>GET /articles/changes?after=</c> never skips a revision committed later with
/// a lower cursor. One message or a batch take the same path (<see cref="IndexBatchAsync"/>).
/// </summary>
public sealed class ArticleIndex(NpgsqlDataSource dataSource, TextVectors textVectors, IndexingOptions options)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ArticleIndexed Event, bool Redelivered)> IndexAsync(ArticleEnriched message, CancellationToken ct) =>
        (await IndexBatchAsync([message], ct))[0];

    /// <summary>Indexes a batch in one transaction; returns each message's event (in input order) and whether it was already indexed.</summary>
    public async Task<IReadOnlyList<(ArticleIndexed Event, bool Redelivered)>> IndexBatchAsync(IReadOnlyList<ArticleEnriched> messages,
        CancellationToken ct)
    {
        var indexedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var events = new Dictionary<(string, int), (ArticleIndexed Event, ArticleEnriched Message)>();
        foreach (var m in messages)
            events.TryAdd((m.Article.ArticleId, m.Article.Revision), (ToEvent(m, 0, indexedAt), m));

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (WriteSettings.For(messages.Count, options.BulkBatch, options.BulkPendingListKb) is { } settings)
            await using (var set = new NpgsqlCommand(settings, conn, tx))
                await set.ExecuteNonQueryAsync(ct);
        // Per article, only the highest revision of the batch can replace the stored one (and only if it is newer).
        var newest = events.Values.GroupBy(f => f.Event.ArticleId).Select(g => g.MaxBy(f => f.Event.Revision)).OrderBy(f =>
            f.Event.ArticleId, StringComparer.Ordinal).ToList();
        await UpsertArticlesAsync(conn, tx, newest, indexedAt, textVectors, ct);

        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('indexer-change-feed'))", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        var cursors = await StoreRevisionsAsync(conn, tx, events.Values.Select(v => v.Event).ToList(), ct);
        var stored = cursors.Count == events.Count ? []
            : await StoredEventsAsync(conn, tx, events.Keys.Where(k => !cursors.ContainsKey(k)).ToList(), ct);
        await tx.CommitAsync(ct);

        var seen = new HashSet<(string, int)>();
        return messages.Select(m =>
        {
            var key = (m.Article.ArticleId, m.Article.Revision);
            var first = seen.Add(key);
            return cursors.TryGetValue(key, out var cursor) ? (events[key].Event with { ChangeCursor = cursor }, !first)
                : (stored[key], true);
        }).ToList();
    }

    static ArticleIndexed ToEvent(ArticleEnriched m, long cursor, DateTimeOffset indexedAt)
    {
        var (a, e) = (m.Article, m.Enrichment);
        return new ArticleIndexed(EventIds.For(a.ArticleId, a.Revision), a.ArticleId, a.Revision, a.Url, a.Title, a.Published,
            e.Language ?? a.Language, a.Source.Name, a.SiteName, a.Authors, e.Summary,
            e.Entities.Select(x => new EntityRef(x.Name, x.Type, x.Count)).ToList(), e.Keywords, e.DuplicateOf, cursor, indexedAt);
    }

    /// <summary>
    /// Inserts the revisions not seen before, in batch order, each with its event; returns their cursors. The cursor is
    /// handed out in SQL and written into the event's text there (<see cref="StoredEvent"/>).
    /// </summary>
    static async Task<Dictionary<(string, int), long>> StoreRevisionsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<ArticleIndexed> events, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into revisions (change_cursor, article_id, revision, event, indexed_at)
            select s.c, s.id, s.rev, replace(s.ev, '"changeCursor":0,', '"changeCursor":' || s.c || ',')::json, @at
            from (select nextval(pg_get_serial_sequence('revisions', 'change_cursor')) as c, t.*
                  from unnest(@ids, @revs, @events) with ordinality as t(id, rev, ev, n) order by t.n) s
            on conflict (article_id, revision) do nothing
            returning article_id, revision, change_cursor
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", events.Select(e => e.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("revs", events.Select(e => e.Revision).ToArray());
        cmd.Parameters.AddWithValue("events", events.Select(StoredEvent.WithoutCursor).ToArray());
        cmd.Parameters.AddWithValue("at", events[0].IndexedAt.UtcDateTime);
        var result = new Dictionary<(string, int), long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
        return result;
    }

    /// <summary>
    /// Inserts or replaces article rows (when the stored revision is older), with their entity keys and tags
    /// (<see cref="EntityKeys"/>), their paragraphs only where the body does not give them back (<see cref="StoredParagraphs"/>),
    /// and their vectors: the head (title A,
    /// description or summary B) parsed once and reused in the whole vector (body C, first 300,000 characters:
    /// to_tsvector refuses vectors over 1 MB). Both come from <see cref="TextVectors"/> where it could build them, else
    /// from to_tsvector. Rows come sorted by id, so concurrent writers lock rows in one order.
    /// </summary>
    static async Task UpsertArticlesAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        List<(ArticleIndexed Event, ArticleEnriched Message)> rows, DateTimeOffset indexedAt, TextVectors textVectors, CancellationToken ct)
    {
        var bodies = rows.Select(r => ArticleBody.Of(r.Message.Article.Paragraphs)).ToArray();
        var configs = rows.Select(r => TextSearchConfig.For(r.Event.Language)).ToArray();
        var vectors = await textVectors.BuildAsync(conn, tx,
            rows.Select((r, i) => new TextVectors.Texts(configs[i], r.Message.Article.Title,
            r.Message.Article.Description ?? r.Message.Enrichment.Summary, bodies[i])).ToList(), ct);
        Activity.Current?.SetTag("indexer.text_vectors_built", vectors.Count(v => v is not null));
        await using var cmd = new NpgsqlCommand("""
            insert into articles (article_id, revision, url, title, authors, published, language, source, site_name, dateline,
                description, summary, image_url, body, paragraphs, entities, keywords, quotes, duplicate_of, ts_config,
                indexed_at, tsv_head, tsv, entity_keys, entity_tags)
            select t.id, t.rev, t.url, t.title, t.authors::text[], t.published, t.lang,
                t.source, t.site, t.dateline, t.descr, t.summary, t.image, t.body, t.paragraphs::jsonb, t.entities::jsonb,
                t.keywords::text[], t.quotes::jsonb, t.dup, t.cfg::regconfig, @at,
                h.head, coalesce(t.whole, h.head || setweight(to_tsvector(t.cfg::regconfig, left(t.body, 300000)), 'C')),
                t.ekeys::text[], t.etags::text[]
            from unnest(@id, @rev, @url, @title, @authors, @published, @lang, @source, @site, @dateline, @descr, @summary, @image,
                        @body, @paragraphs, @entities, @keywords, @quotes, @dup, @cfg, @head, @whole, @ekeys, @etags)
                 as t(id, rev, url, title, authors, published, lang, source, site, dateline, descr, summary, image,
                      body, paragraphs, entities, keywords, quotes, dup, cfg, head, whole, ekeys, etags)
                 -- offset 0 keeps the subquery whole: flattened, its expression was computed for each column using it.
                 cross join lateral (select coalesce(t.head, setweight(to_tsvector(t.cfg::regconfig, t.title), 'A') ||
                                            setweight(to_tsvector(t.cfg::regconfig, coalesce(t.descr, t.summary)), 'B')) as head
                                     offset 0) h
            on conflict (article_id) do update set
                revision = excluded.revision, url = excluded.url, title = excluded.title, authors = excluded.authors,
                published = excluded.published, language = excluded.language, source = excluded.source,
                site_name = excluded.site_name, dateline = excluded.dateline, description = excluded.description,
                summary = excluded.summary, image_url = excluded.image_url, body = excluded.body,
                paragraphs = excluded.paragraphs, entities = excluded.entities, keywords = excluded.keywords,
                quotes = excluded.quotes, duplicate_of = excluded.duplicate_of, ts_config = excluded.ts_config,
                indexed_at = excluded.indexed_at, tsv_head = excluded.tsv_head, tsv = excluded.tsv,
                entity_keys = excluded.entity_keys, entity_tags = excluded.entity_tags
            where articles.revision < excluded.revision
            """, conn, tx);
        string[] Col(Func<CleanedArticle, Enrichment, string> f) => rows.Select(r => f(r.Message.Article, r.Message.Enrichment)).ToArray();
        string?[] Opt(Func<CleanedArticle, Enrichment, string?> f) =>
            rows.Select(r => f(r.Message.Article, r.Message.Enrichment)).ToArray();
        var p = cmd.Parameters;
        p.AddWithValue("id", Col((a, _) => a.ArticleId));
        p.AddWithValue("rev", rows.Select(r => r.Event.Revision).ToArray());
        p.AddWithValue("url", Col((a, _) => a.Url));
        p.AddWithValue("title", Col((a, _) => a.Title));
        p.AddWithValue("authors", Col((a, _) => TextArrayLiteral.Of(a.Authors)));
        p.Add(new NpgsqlParameter("published", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = rows.Select(r => r.Event.Published?.UtcDateTime).ToArray() });
        p.Add(Nullable("lang", rows.Select(r => r.Event.Language).ToArray()));
        p.AddWithValue("source", Col((a, _) => a.Source.Name));
        p.Add(Nullable("site", Opt((a, _) => a.SiteName)));
        p.Add(Nullable("dateline", Opt((a, _) => a.Dateline)));
        p.Add(Nullable("descr", Opt((a, _) => a.Description)));
        p.AddWithValue("summary", Col((_, e) => e.Summary));
        p.Add(Nullable("image", Opt((a, _) => a.ImageUrl)));
        p.AddWithValue("body", bodies);
        p.Add(Nullable("paragraphs", rows.Select((r, i) => StoredParagraphs.SplitFromBody(bodies[i], r.Message.Article.Paragraphs)
            ? null : JsonSerializer.Serialize(r.Message.Article.Paragraphs, Json)).ToArray()));
        p.AddWithValue("entities", Col((_, e) => JsonSerializer.Serialize(e.Entities, Json)));
        p.AddWithValue("keywords", Col((_, e) => TextArrayLiteral.Of(e.Keywords)));
        p.AddWithValue("quotes", Col((_, e) => JsonSerializer.Serialize(e.Quotes, Json)));
        p.Add(Nullable("dup", Opt((_, e) => e.DuplicateOf)));
        p.AddWithValue("cfg", configs);
        var entityKeys = rows.Select(r => EntityKeys.Of(r.Message.Enrichment.Entities)).ToArray();
        p.AddWithValue("ekeys", entityKeys.Select(k => TextArrayLiteral.Of(k.Keys)).ToArray());
        p.AddWithValue("etags", entityKeys.Select(k => TextArrayLiteral.Of(k.Tags)).ToArray());
        p.Add(new NpgsqlParameter("head", vectors.Select(v => v?.Head).ToArray()) { DataTypeName = "tsvector[]" });
        p.Add(new NpgsqlParameter("whole", vectors.Select(v => v?.Whole).ToArray()) { DataTypeName = "tsvector[]" });
        p.AddWithValue("at", indexedAt.UtcDateTime);

        await cmd.ExecuteNonQueryAsync(ct);
    }

    static async Task<Dictionary<(string, int), ArticleIndexed>> StoredEventsAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        IReadOnlyList<(string ArticleId, int Revision)> missing, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select r.article_id, r.revision, r.event::text from revisions r
            join unnest(@ids, @revs) as t(id, rev) on r.article_id = t.id and r.revision = t.rev
            """, conn, tx);
        cmd.Parameters.AddWithValue("ids", missing.Select(k => k.ArticleId).ToArray());
        cmd.Parameters.AddWithValue("revs", missing.Select(k => k.Revision).ToArray());
        var result = new Dictionary<(string, int), ArticleIndexed>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            result[(reader.GetString(0), reader.GetInt32(1))] = StoredEvent.Read(reader.GetString(2));
        return result;
    }

    static NpgsqlParameter Nullable(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values };
}
