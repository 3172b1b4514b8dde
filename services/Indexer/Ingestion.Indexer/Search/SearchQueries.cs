using System.Text.Json;
using Dapper;
using Ingestion.Indexer.Domain.IndexTerms;
using Ingestion.Indexer.Domain.Results;
using Ingestion.Indexer.Domain.Search;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>Full-text search over the index (<c>GET /search</c>); one article, the change feed and the status are <see cref="ArticleQueries"/>.</summary>
public sealed class SearchQueries(NpgsqlDataSource dataSource)
{
    readonly TableTimeSpan timeSpan = new();

    /// <summary>Facets count the entities, sources and languages of this many best-ranked matches.</summary>
    public const int FacetDepth = 500;

    /// <summary>Body-only matches are read in windows of the recency index, the first of this many articles.</summary>
    public const int FirstWindow = 2_000;

    /// <summary>A window spanning at least this share of the table is wide: its filters may use their own indexes (<see cref="SearchSql.Tier"/>).</summary>
    public const double WideWindow = 0.25;

    /// <summary>The newest list counts exactly up to this many articles, and estimates above.</summary>
    public const int NewestCountCap = 1_000;

    // The query is parsed with web-search syntax stemmed for English, unstemmed ('simple') and, when lang is given, stemmed
    // for that language; the parses are OR-ed. Articles in other languages are indexed with their language's stemmer, so
    // their inflected words are found with lang set (or by their stem).
    public async Task<SearchResult> SearchAsync(SearchRequest r, CancellationToken ct)
    {
        var words = SearchText.WordStarts(r.Query);
        var asOf = r.Cursor?.AsOf ?? DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var args = new SearchArgs();
        args.Add("q", r.Query);
        args.Add("langConfig", TextSearchConfig.For(r.Language));
        args.Add("titleText", r.TitleText);
        args.Add("lang", r.Language);
        args.Add("source", r.Source);
        args.Add("from", r.From?.UtcDateTime);
        args.Add("to", r.To?.UtcDateTime);
        args.Add("entityKeys", r.Entity?.Keys.ToArray());
        args.Add("asOf", asOf.UtcDateTime);
        args.Add("cScore", r.Cursor?.Score);
        args.Add("cId", r.Cursor?.ArticleId);
        args.Add("cPublished", r.Cursor?.Published?.UtcDateTime);
        args.Add("countCap", NewestCountCap + 1);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var near = r.Cursor?.NearTitles ?? false;
        // With facets on the first page, one ranking pass serves both: the page is the head of the best FacetDepth.
        var take = r.Facets && r.Cursor is null ? Math.Max(r.Limit + 1, FacetDepth) : r.Limit + 1;
        var facetsHere = r.Facets && r.Cursor is null; // this ranking is also the facets' best FacetDepth
        var ranking = await RankAsync(conn, r, near, take, r.Cursor, facetsHere, args, timeSpan, ct);
        if (ranking.Hits.Count == 0 && !near && r.Cursor is null && r.TitleText is not null)
        {
            near = true; // nothing matched the words as written: look for titles that nearly match (a misspelling)
            ranking = await RankAsync(conn, r, near, take, null, facetsHere, args, timeSpan, ct);
        }
        var page = ranking.Hits.Take(r.Limit).ToList();
        var counts = r.Facets
            ? FacetCounter.Count((facetsHere ? ranking.Hits
                : (await RankAsync(conn, r, near, FacetDepth, null, true, args, timeSpan, ct)).Hits)
                .Take(FacetDepth).Select(h => new FacetRow(h.Id, h.Source ?? "", h.Language, h.EntityKeys ?? [])))
            : null;
        var known = r.Cursor is { Total: { } carried } ? (carried, r.Cursor.TotalIsEstimate)
            : await ExactTotalAsync(conn, r, ranking, args, ct);
        // What depends only on the ranking goes in one round trip: the planner's estimate of the total (when it is not
        // known), the names of the top entities, and the page's rows.
        var estimateSql = known is null ? "explain (format json) "
            + (r.Query is null ? SearchSql.NewestMatches(r) : SearchSql.Matches(r, near)) : null;
        args.Add("ids", page.Select(h => h.Id).ToArray());
        var read = await ReadAfterRankingAsync(conn, r, estimateSql, counts?.Entities ?? [], page.Count > 0, args, ct);
        var (total, estimated) = known ?? (Math.Max(read.Estimate!.Value, Math.Max(ranking.Matches, ranking.Hits.Count)), true);

        string? next = null;
        if (ranking.Hits.Count > r.Limit)
        {
            var last = page[^1];
            next = new SearchCursor(r.Query is not null, asOf, last.Score, Utc(last.SortTime), last.Id, r.Fingerprint, near, total,
                estimated).Encode();
        }
        var scores = page.ToDictionary(h => h.Id, h => h.Score);
        return new SearchResult(total,
            read.Rows.Select(h => new SearchHit(h.Id, h.Url, h.Title, Utc(h.Published), h.Authors, h.Language, h.Source,
                Snippet.Build(h.Excerpt ?? "", words), scores[h.Id])).ToList(),
            next, counts is null ? null : Facets(counts, read.EntityTags), near, estimated);
    }

    /// <summary>Facets of the best-ranked matches, counted from their rows, with the top entities' display names.</summary>
    static SearchFacets Facets(FacetCounts counts, Dictionary<string, string> tags)
    {
        var entities = counts.Entities.Select(e =>
        {
            var tag = tags.GetValueOrDefault(e.Value, e.Value);
            var colon = tag.IndexOf(':');
            return new EntityFacet(tag[(colon + 1)..], colon < 0 ? "" : tag[..colon], e.Count);
        }).ToList();
        return new SearchFacets(entities,
            counts.Sources.Select(s => new FacetValue(s.Value, s.Count)).ToList(),
            counts.Languages.Select(l => new FacetValue(l.Value, l.Count)).ToList());
    }

    /// <summary>
    /// The number of results when it is exact: ranking visited every match, or the newest list counted fewer than its
    /// cap. Null otherwise: then it is the planner's estimate of the matches (at least as many as were seen), flagged as one.
    /// </summary>
    static async Task<(long Total, bool Estimated)?> ExactTotalAsync(NpgsqlConnection conn, SearchRequest r, Ranking ranking,
        SearchArgs args, CancellationToken ct)
    {
        if (ranking.Complete) return (ranking.Matches, false);
        if (r.Query is not null) return null;
        var counted = await conn.ExecuteScalarAsync<long>(new CommandDefinition(SearchSql.NewestCount(r), args, cancellationToken: ct));
        return counted <= NewestCountCap ? (counted, false) : null;
    }

    /// <summary>
    /// One round trip (<see cref="NpgsqlBatch"/>) for the statements that follow ranking: the estimate's plan (when
    /// <paramref name="estimateSql"/> is given), the display names of the counted entities, the page's rows (@ids).
    /// </summary>
    static async Task<AfterRanking> ReadAfterRankingAsync(NpgsqlConnection conn, SearchRequest r, string? estimateSql,
        IReadOnlyList<FacetCount> entities, bool hasPage, SearchArgs args, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn);
        if (estimateSql is not null) batch.BatchCommands.Add(args.BatchCommand(estimateSql));
        if (entities.Count > 0)
        {
            var names = new NpgsqlBatchCommand(SearchSql.EntityNames);
            names.Parameters.Add(new NpgsqlParameter("keys", entities.Select(e => e.Value).ToArray()));
            names.Parameters.Add(new NpgsqlParameter("samples", entities.Select(e => e.Sample).ToArray()));
            batch.BatchCommands.Add(names);
        }
        if (hasPage) batch.BatchCommands.Add(args.BatchCommand(SearchSql.Page(r)));
        var result = new AfterRanking(null, new Dictionary<string, string>(StringComparer.Ordinal), []);
        if (batch.BatchCommands.Count == 0) return result;

        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (estimateSql is not null)
        {
            await reader.ReadAsync(ct);
            using var doc = JsonDocument.Parse(reader.GetString(0));
            result = result with { Estimate = (long)doc.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble() };
            await reader.NextResultAsync(ct);
        }
        if (entities.Count > 0)
        {
            while (await reader.ReadAsync(ct)) result.EntityTags[reader.GetString(0)] = reader.GetString(1);
            await reader.NextResultAsync(ct);
        }
        if (hasPage)
            while (await reader.ReadAsync(ct))
                result.Rows.Add(new HitRow
                {
                    Id = reader.GetString(0),
                    Url = reader.GetString(1),
                    Title = reader.GetString(2),
                    Published = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTime>(3),
                    Authors = reader.GetFieldValue<string[]>(4),
                    Language = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Source = reader.GetString(6),
                    Excerpt = reader.IsDBNull(7) ? null : reader.GetString(7),
                });
        return result;
    }

    sealed record AfterRanking(long? Estimate, Dictionary<string, string> EntityTags, List<HitRow> Rows);

    /// <summary>The next <paramref name="take"/> results after <paramref name="cursor"/>, best first; how many matches ranking
    /// visited, and whether those were all of them.</summary>
    static async Task<Ranking> RankAsync(NpgsqlConnection conn, SearchRequest r, bool near, int take, SearchCursor? cursor,
        bool facetColumns, SearchArgs args, TableTimeSpan timeSpan, CancellationToken ct)
    {
        var after = cursor is not null;
        args.Add("take", take);
        if (r.Query is null)
            return new Ranking(await Query(SearchSql.Newest(r, facetColumns)), 0, false);
        if (near)
        {
            var titles = await Query(SearchSql.NearTitles(r, after, facetColumns));
            return new Ranking(titles, titles.FirstOrDefault()?.Matches ?? 0, !after);
        }
        var results = new List<Ranked>();
        long matches = 0;
        var complete = !after;
        var startTier = cursor is null ? SearchSql.Tiers - 1 : Math.Clamp((int)Math.Floor(cursor.Score), 0, SearchSql.Tiers - 1);
        var top = r.To?.UtcDateTime ?? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
        var span = await timeSpan.GetAsync(conn, ct);
        var tier = startTier;
        for (; tier >= 0 && results.Count < take; tier--)
        {
            var continuing = cursor is not null && tier == startTier;
            var upper = continuing ? cursor!.Published!.Value.UtcDateTime : top;
            // The first window: as long as FirstWindow articles take at the table's average rate. Where the span cannot
            // say (an empty or unread table, or everything it knows is newer than upper), the tier is read in one go.
            var newest = span.Newest is { } n && n < upper ? n : upper;
            var oldest = span.Oldest ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
            var perSecond = span.Newest is not null && span.Oldest is not null && oldest <= upper
                ? span.Articles / Math.Max(1, (newest - oldest).TotalSeconds) : 0;
            var (seen, all) = await WalkTierAsync(tier, upper, newest, oldest, perSecond, span.Articles,
                continuing ? SearchSql.WindowTop.AfterCursor : SearchSql.WindowTop.Inclusive);
            matches += seen;
            complete &= all;
        }
        return new Ranking(results, matches, complete && tier < 0); // complete: every tier walked to its end

        // One tier, newest first, in windows of the recency index (bounded work for common words), each sized from the
        // matches per article seen so far to hold three times the results still needed; none seen: the rest in one go.
        async Task<(long Seen, bool All)> WalkTierAsync(int tier, DateTime upper, DateTime newest, DateTime oldest, double perSecond,
            double tableArticles,
            SearchSql.WindowTop windowTop)
        {
            long seen = 0;
            var articles = (double)FirstWindow;
            while (true)
            {
                var from = upper < newest ? upper : newest; // the first window's upper bound may be far above the newest article
                var seconds = perSecond > 0 ? articles / perSecond : double.PositiveInfinity;
                DateTime? lower = double.IsFinite(seconds)
                    && seconds < (from - DateTime.UnixEpoch).TotalSeconds ? from.AddSeconds(-seconds) : null;
                // A window reaching below the earliest date asked for, or below the oldest article, is the rest of the tier.
                if (lower is { } l && (l <= oldest || r.From is { } earliest && l < earliest.UtcDateTime)) lower = null;
                args.Add("upper", upper);
                args.Add("lower", lower);
                args.Add("take", take - results.Count);
                var span = lower is null ? SearchSql.WindowSpan.Rest
                    : articles <= FirstWindow ? SearchSql.WindowSpan.Narrow
                    : articles >= WideWindow * tableArticles ? SearchSql.WindowSpan.Wide : SearchSql.WindowSpan.Medium;
                var rows = await Query(SearchSql.Tier(r, tier, span, windowTop, facetColumns));
                results.AddRange(rows);
                seen += rows.FirstOrDefault()?.Matches ?? 0;
                if (lower is null) return (seen, true);
                if (results.Count >= take) return (seen, false);
                var perArticle = rows.Count == 0 ? 0 : rows[0].Matches / articles;
                articles = perArticle == 0 ? double.PositiveInfinity : 3 * (take - results.Count) / perArticle;
                (upper, windowTop) = (lower.Value, SearchSql.WindowTop.Exclusive);
            }
        }

        Task<List<Ranked>> Query(string sql) => ReadRankedAsync(conn, args, sql, ct);
    }

    /// <summary>
    /// The rows of a ranking statement (<see cref="SearchSql.Tier"/>, <see cref="SearchSql.NearTitles"/>,
    /// <see cref="SearchSql.Newest"/>), read by position: id, score, sort time, source, language, entity keys, matches.
    /// Read here rather than by Dapper, whose mapper reads every column as an object: for the entity-key arrays of a
    /// facets search's 500 rows that went through Npgsql's asynchronous, boxing array reader.
    /// </summary>
    static async Task<List<Ranked>> ReadRankedAsync(NpgsqlConnection conn, SearchArgs args, string sql, CancellationToken ct)
    {
        await using var command = args.Command(conn, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Ranked>();
        while (await reader.ReadAsync(ct))
            rows.Add(new Ranked
            {
                Id = reader.GetString(0),
                Score = reader.GetDouble(1),
                SortTime = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTime>(2),
                Source = reader.IsDBNull(3) ? null : reader.GetString(3),
                Language = reader.IsDBNull(4) ? null : reader.GetString(4),
                EntityKeys = reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5),
                Matches = reader.GetInt64(6),
            });
        return rows;
    }

    sealed record Ranking(List<Ranked> Hits, long Matches, bool Complete);

    static DateTimeOffset? Utc(DateTime? d) => d is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : null;

    /// <summary>A ranked match; <c>Source</c>, <c>Language</c> and <c>EntityKeys</c> are read only for facets.</summary>
    sealed class Ranked
    {
        public string Id { get; init; } = "";
        public double Score { get; init; }
        public DateTime? SortTime { get; init; }
        public string? Source { get; init; }
        public string? Language { get; init; }
        public string[]? EntityKeys { get; init; }
        public long Matches { get; init; }
    }

    sealed class HitRow
    {
        public string Id { get; set; } = "";
        public string Url { get; set; } = "";
        public string Title { get; set; } = "";
        public DateTime? Published { get; set; }
        public string[] Authors { get; set; } = [];
        public string? Language { get; set; }
        public string Source { get; set; } = "";
        public string? Excerpt { get; set; }
    }
}
