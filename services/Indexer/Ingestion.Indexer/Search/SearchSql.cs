using System.Text;
using Ingestion.Indexer.Domain;

namespace Ingestion.Indexer.Search;

/// <summary>
/// Builds the one SQL statement a search runs. Ranked (a query was given): every match gets a score, a base for
/// matching anywhere plus cover-density rank over title (weight A) and description/summary (B). When full text finds
/// nothing (a misspelt word), the search runs again on titles that near-match (pg_trgm word similarity ≥ 0.6), scored by it; times a recency boost (+25% when new, half that at 30 days); the page continues after the cursor's (score, id). Newest (no query): the page walks the
/// (published, id) index. Total and facets cover the whole result set; headlines only the page.
/// </summary>
public static class SearchSql
{
    /// <summary>Recency: score × (1 + RecencyWeight / (1 + age_days / RecencyDays)).</summary>
    public const double RecencyWeight = 0.25, RecencyDays = 30;

    /// <summary>Relevance: BodyMatch for any full-text match, plus ts_rank_cd (cover density, normalised to 0..1) over title
    /// and description; in the near-match fallback, TitleSimilarityWeight × pg_trgm word similarity of query and title.</summary>
    public const double BodyMatch = 0.1, TitleSimilarityWeight = 0.3;

    public const string Headline = "'MaxFragments=2, MinWords=8, MaxWords=30, FragmentDelimiter=\" … \", StartSel=<b>, StopSel=</b>'";

    /// <summary>Headlines read at most this many characters of a body (ts_headline parses all it is given).</summary>
    public const int HeadlineChars = 20_000;

    public static string For(SearchRequest r, bool nearTitles = false)
    {
        var filters = new StringBuilder("true");
        if (r.Language is not null) filters.Append(" and a.language = @lang");
        if (r.Source is not null) filters.Append(" and a.source = @source");
        if (r.From is not null) filters.Append(" and a.published >= @from");
        if (r.To is not null) filters.Append(" and a.published <= @to");
        if (r.Entity is not null) // keys are 'TYPE:lower-case name' (migration 0002); without a type, any of the three
            filters.Append(" and a.entity_keys && @entityKeys");
        return r.Query is null ? Newest(r, filters.ToString()) : Ranked(r, filters.ToString(), nearTitles && r.TitleText is not null);
    }

    static string Ranked(SearchRequest r, string filters, bool near)
    {
        var keyset = r.Cursor is null ? "" : "where m.score < @cScore or (m.score = @cScore and m.article_id > @cId)";
        return $"""
            with query as (select websearch_to_tsquery('english', @q) || websearch_to_tsquery('simple', @q)
                                  {(r.Language is null ? "" : "|| websearch_to_tsquery(@langConfig::regconfig, @q)")} as tsq),
            matches as materialized (
                select a.article_id, a.source, a.language,
                       ({(near ? $"{Inv(TitleSimilarityWeight)} * public.word_similarity(@titleText, a.title)"
                                : $"{Inv(BodyMatch)} + ts_rank_cd(a.tsv_head, query.tsq, 32)")})
                       * (1 + {Inv(RecencyWeight)} / (1 + greatest(0, extract(epoch from @asOf - coalesce(a.published, a.indexed_at))) / {Inv(RecencyDays * 86400)}))
                         as score
                from articles a, query
                where {(near ? "@titleText operator(public.<%) a.title" : "a.tsv @@ query.tsq")} and {filters}),
            page as (select m.article_id, m.score from matches m {keyset} order by m.score desc, m.article_id limit @limit + 1)
            {Output(r, "(select count(*) from matches)", "p.score desc, p.article_id",
                $"ts_headline(a.ts_config, left(a.body, {HeadlineChars}), query.tsq, {Headline})", "query")}
            """;
    }

    static string Newest(SearchRequest r, string filters)
    {
        var keyset = r.Cursor switch
        {
            null => "",
            { Published: null } => "and a.published is null and a.article_id > @cId",
            _ => "and (a.published < @cPublished or (a.published = @cPublished and a.article_id > @cId) or a.published is null)",
        };
        return $"""
            with matches as not materialized (select a.article_id, a.source, a.language from articles a where {filters}),
            page as (select a.article_id, 0::float8 as score, a.published from articles a where {filters} {keyset}
                     order by a.published desc nulls last, a.article_id limit @limit + 1)
            {Output(r, "(select count(*) from matches)", "p.published desc nulls last, p.article_id",
                "left(coalesce(a.description, a.summary), 300)", null)}
            """;
    }

    static string Output(SearchRequest r, string total, string order, string snippet, string? extraFrom) => $"""
        , summary as (select {total} as total, {(r.Facets ? Facets : "null::text")} as facets)
        select s.total, s.facets, h.*
        from summary s left join (
            select p.article_id as Id, a.url, a.title, a.published, a.authors, a.language, a.source, p.score,
                   case when row_number() over (order by {order}) <= @limit then {snippet} end as snippet
            from page p join articles a on a.article_id = p.article_id{(extraFrom is null ? "" : ", " + extraFrom)}
        ) h on true
        order by {order.Replace("p.article_id", "h.id").Replace("p.", "h.")}
        """;

    static string Inv(double d) => d.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture);

    const string Facets = """
        json_build_object(
            'entities', (select coalesce(json_agg(json_build_object('name', x.name, 'type', x.type, 'count', x.n) order by x.n desc, x.name), '[]')
                         from (select e.name, e.type, count(*) as n from matches m join article_entities e on e.article_id = m.article_id
                               group by e.name, e.type order by n desc, e.name limit 10) x),
            'sources', (select coalesce(json_agg(json_build_object('value', x.source, 'count', x.n) order by x.n desc, x.source), '[]')
                        from (select m.source, count(*) as n from matches m group by m.source order by n desc, m.source limit 10) x),
            'languages', (select coalesce(json_agg(json_build_object('value', x.language, 'count', x.n) order by x.n desc, x.language), '[]')
                          from (select coalesce(m.language, 'und') as language, count(*) as n from matches m
                                group by 1 order by n desc, 1 limit 10) x))::text
        """;
}
