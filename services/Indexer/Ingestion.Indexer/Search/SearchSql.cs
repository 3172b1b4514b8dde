using System.Globalization;
using System.Text;
using Ingestion.Indexer.Domain.Search;

namespace Ingestion.Indexer.Search;

/// <summary>
/// The SQL a search runs, in parts (docs/indexer.md "Ranking"). Ranked searches have three tiers: articles whose title
/// matches the whole query, then those whose title and description do, then those that match only with the body; each
/// tier newest first, read in windows of the recency index so a page visits a bounded number of matches however many
/// there are. When full text finds nothing (a misspelling), titles that
/// near-match (pg_trgm word similarity ≥ 0.6) are the results. Without a query the newest come first.
/// The ranking statements (<see cref="Tier"/>, <see cref="NearTitles"/>, <see cref="Newest"/>) return the same columns
/// in the same order, which <c>SearchQueries.ReadRankedAsync</c> reads by position.
/// </summary>
public static class SearchSql
{
    /// <summary>Recency fraction: RecencyWeight / (1 + age_days / RecencyDays), in (0, 0.5], so a tier's scores stay in (tier, tier + 0.5].</summary>
    public const double RecencyWeight = 0.5, RecencyDays = 30;

    /// <summary>Near-matching titles score TitleSimilarityWeight × word similarity × (1 + recency fraction).</summary>
    public const double TitleSimilarityWeight = 0.3;

    /// <summary>Snippets are looked for in this many characters of the body.</summary>
    public const int SnippetChars = 20_000;

    /// <summary>The time an article counts as from, for recency and the newest-first order.</summary>
    public const string SortTime = "coalesce(a.published, a.indexed_at)";

    static readonly string Recency =
        $"({Inv(RecencyWeight)} / (1 + greatest(0, date_part('epoch', @asOf - {SortTime})) / {Inv(RecencyDays * 86400)}))";

    static string Query(SearchRequest r) =>
        "(websearch_to_tsquery('english', @q) || websearch_to_tsquery('simple', @q)" +
        (r.Language is null ? ")" : " || websearch_to_tsquery(@langConfig::regconfig, @q))");

    /// <param name="entityByIndex">Whether the entity filter may use its GIN index: yes when it is the only way in (the newest
    /// list, counts) and in a wide ranked window (<see cref="Tier"/>); no inside a narrow one, where the full-text index
    /// and time range already narrow the rows and reading a common entity's whole posting list for every window would
    /// cost more than testing the rows.</param>
    public static string Filters(SearchRequest r, bool entityByIndex = true)
    {
        var filters = new StringBuilder("true");
        if (r.Language is not null) filters.Append(" and a.language = @lang");
        if (r.Source is not null) filters.Append(" and a.source = @source");
        if (r.From is not null) filters.Append(" and a.published >= @from");
        if (r.To is not null) filters.Append(" and a.published <= @to");
        if (r.Entity is not null) // keys are 'TYPE:lower-case name' (migration 0002); without a type, any of the three
            filters.Append(entityByIndex ? " and a.entity_keys && @entityKeys" : " and (a.entity_keys && @entityKeys) is true");
        return filters.ToString();
    }

    /// <summary>
    /// Matches of one tier with sort time in [@lower, @upper], newest first, each with the count of the tier's matches in
    /// that range; rows at exactly @upper as <paramref name="top"/> says. Score: the tier plus a recency fraction (0.5 new, 0.25 at 30 days).
    /// <c>offset 0</c> keeps the matching apart from the order: PostgreSQL then finds the matches through the indexes
    /// (full text AND time range) and sorts them, instead of walking the time index and testing every article on it.
    /// </summary>
    /// <param name="span">How much of the table the window spans (<see cref="WindowSpan"/>): which indexes its filters may use.</param>
    public static string Tier(SearchRequest r, int tier, WindowSpan span, WindowTop top, bool facetColumns) => $"""
        select m.*, count(*) over () as Matches from (
            select a.article_id as Id, ({tier} + {Recency})::float8 as Score, {SortTime} as SortTime, {FacetColumns(facetColumns)}
            from articles a, (select {Query(r)} as tsq) q
            where {TierMatch(r, tier, span)} and {Filters(r, entityByIndex: span is WindowSpan.Wide or WindowSpan.Rest)}
              {(span is WindowSpan.Rest ? "" : $"and {SortTime} >= @lower")} and {SortTime} <= @upper
              {top switch { WindowTop.Inclusive => "", WindowTop.AfterCursor => $"and ({SortTime} < @upper or a.article_id > @cId)", _ => $"and {SortTime} < @upper" }}
            offset 0) m
        order by m.SortTime desc, m.Id limit @take
        """;

    /// <summary>
    /// What facets count, read with the ranked rows when facets are asked for (<see cref="Domain.Results.FacetCounter"/> counts them):
    /// the rows are in hand already, so no second visit of the best 500.
    /// </summary>
    static string FacetColumns(bool read) => read
        ? "a.source as Source, a.language as Language, a.entity_keys as EntityKeys"
        : "null::text as Source, null::text as Language, null::text[] as EntityKeys";

    /// <summary>
    /// Tiers, best last: 2 the title matches the whole query; 1 title and description (or summary) together do; 0 only the whole article does.
    /// A head match implies a whole-article match (the whole vector begins with the head's), and a title match a head
    /// match (the head begins with the title's words), unless the query excludes words (<c>-word</c>): then the head and
    /// the body must be checked not to contain them, which reads the body's (large) vector. The title's own words are the
    /// head's weight-A lexemes. Tier 2 without exclusions tests only the title in a narrow window and in the rest of the
    /// tier: there, testing the head too made PostgreSQL AND the head's GIN posting list (thousands of entries for a
    /// common word) into the title's for nothing. In a window between the two the head's list is what keeps PostgreSQL
    /// from ANDing tens of thousands of recency-index entries instead, so it stays.
    public static string TierMatch(SearchRequest r, int tier, WindowSpan span) => (tier, SearchText.Excludes(r.Query)) switch
    {
        (0, _) => "a.tsv @@ q.tsq and not (a.tsv_head @@ q.tsq)",
        (2, false) when span is WindowSpan.Narrow or WindowSpan.Rest => TitleMatch,
        (2, var excludes) => HeadMatch(excludes) + TitleMatch,
        (_, var excludes) => HeadMatch(excludes) + "not " + TitleMatch,
    };

    const string TitleMatch = "(ts_filter(a.tsv_head, '{a}') @@ q.tsq)";

    /// <summary>The head matches (and, when the query excludes words, the whole article too), then "and ".</summary>
    static string HeadMatch(bool excludes) => excludes ? "a.tsv_head @@ q.tsq and a.tsv @@ q.tsq and " : "a.tsv_head @@ q.tsq and ";

    /// <summary>
    /// A ranked window's width: <c>Narrow</c> no wider than the first window; <c>Wide</c> a quarter of the table or more
    /// (filters may then use their own indexes: one posting list read instead of a heap visit for each match of the words
    /// without the entity); <c>Rest</c> everything left of the tier (no lower bound; as wide); <c>Medium</c> between.
    /// </summary>
    public enum WindowSpan { Narrow, Medium, Wide, Rest }

    public const int Tiers = 3;

    /// <summary>Which rows at a window's upper bound belong to it: all (the first window), those after the cursor's id (continuing a page), none (an earlier window had them).</summary>
    public enum WindowTop { Inclusive, AfterCursor, Exclusive }

    /// <summary>The newest and oldest sort times (both ends of the recency index), and how many articles the table holds (planner statistics).</summary>
    public const string SortTimeSpan = $"""
        select (select {SortTime} from articles a order by {SortTime} desc limit 1) as Newest,
               (select {SortTime} from articles a order by {SortTime} limit 1) as Oldest,
               (select greatest(reltuples, 1)::float8 from pg_class where oid = 'articles'::regclass) as Articles
        """;

    /// <summary>All matches of a ranked search (for the planner's estimate of how many there are).</summary>
    public static string Matches(SearchRequest r, bool near) => near
        ? $"select 1 from articles a where @titleText operator(public.<%) a.title and {Filters(r)}"
        : $"select 1 from articles a, (select {Query(r)} as tsq) q where a.tsv @@ q.tsq and {Filters(r)}";

    /// <summary>The near-match fallback: titles similar to the query's words, best first after the cursor's (score, id), each with the count of all of them.</summary>
    public static string NearTitles(SearchRequest r, bool after, bool facetColumns) => $"""
        select * from (
            select m.*, count(*) over () as Matches from (
                select a.article_id as Id, ({Inv(TitleSimilarityWeight)} * public.word_similarity(@titleText, a.title) * (1 + {Recency}))::float8 as Score,
                       {SortTime} as SortTime, {FacetColumns(facetColumns)}
                from articles a where @titleText operator(public.<%) a.title and {Filters(r)}) m) m
        {(after ? "where m.Score < @cScore or (m.Score = @cScore and m.Id > @cId)" : "")}
        order by m.Score desc, m.Id limit @take
        """;

    /// <summary>Without a query: the newest first, walking the (published, id) index; after the cursor's (published, id).</summary>
    public static string Newest(SearchRequest r, bool facetColumns)
    {
        var keyset = r.Cursor switch
        {
            null => "",
            { Published: null } => "and a.published is null and a.article_id > @cId",
            _ => "and (a.published < @cPublished or (a.published = @cPublished and a.article_id > @cId) or a.published is null)",
        };
        return $"""
            select a.article_id as Id, 0::float8 as Score, a.published as SortTime, {FacetColumns(facetColumns)}, 0::bigint as Matches
            from articles a where {Filters(r)} {keyset}
            order by a.published desc nulls last, a.article_id limit @take
            """;
    }

    public static string NewestCount(SearchRequest r) => $"select count(*) from ({NewestMatches(r)} limit @countCap) m";

    public static string NewestMatches(SearchRequest r) => $"select 1 from articles a where {Filters(r)}";

    /// <summary>
    /// The returned page, in the order of @ids, each with the text its snippet is made from (<see cref="Domain.Results.Snippet"/>): with a
    /// query, the body (its first <see cref="SnippetChars"/> characters); without, the description or summary.
    /// <c>SearchQueries.ReadAfterRankingAsync</c> reads the columns by position: keep their order.
    /// </summary>
    public static string Page(SearchRequest r) => $"""
        select a.article_id as Id, a.url, a.title, a.published, a.authors, a.language, a.source,
               {(r.Query is not null ? SnippetText : "coalesce(a.description, a.summary)")} as Excerpt
        from unnest(@ids) with ordinality as p(id, n) join articles a on a.article_id = p.id
        order by p.n
        """;

    /// <summary>
    /// The body's first <see cref="SnippetChars"/> characters. A body of at most that many bytes (most of them: the size is
    /// known without reading the value) is handed out whole: <c>left</c> copies and counts the characters of every body,
    /// which took 0.7 of the 1.8 ms that reading the bodies of a page of 20 cost.
    /// </summary>
    static readonly string SnippetText =
        $"case when octet_length(a.body) <= {SnippetChars} then a.body else left(a.body, {SnippetChars}) end";

    /// <summary>
    /// The display names of counted entity keys (@keys), each read from the tags of one article naming it (@samples);
    /// the key itself when none matches.
    /// </summary>
    public const string EntityNames = """
        select t.key as Key, coalesce((select tag from articles a, unnest(a.entity_tags) as tag
                                        where a.article_id = t.sample
                                          and upper(split_part(tag, ':', 1)) || ':' || lower(substr(tag, strpos(tag, ':') + 1)) = t.key
                                        limit 1), t.key) as Tag
        from unnest(@keys, @samples) as t(key, sample)
        """;

    static string Inv(double d) => d.ToString("0.0###", CultureInfo.InvariantCulture);
}
