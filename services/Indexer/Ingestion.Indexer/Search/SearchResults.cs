using Ingestion.Contracts;

namespace Ingestion.Indexer.Search;

/// <summary>One hit: the snippet is a highlighted excerpt of the body (matches in &lt;b&gt;…&lt;/b&gt;), computed for the returned page only.</summary>
public sealed record SearchHit(string Id, string Url, string Title, DateTimeOffset? Published, string[] Authors, string? Language,
    string Source, string Snippet, double Score);

/// <summary>A count of results sharing one value.</summary>
public sealed record FacetValue(string Value, long Count);

/// <summary>An entity and how many results name it.</summary>
public sealed record EntityFacet(string Name, string Type, long Count);

/// <summary>The top values over the best-ranked 500 results (all of them when there are fewer), not only the page.</summary>
public sealed record SearchFacets(IReadOnlyList<EntityFacet> Entities, IReadOnlyList<FacetValue> Sources,
    IReadOnlyList<FacetValue> Languages);

/// <summary>
/// A page of results. <c>Total</c> is how many results there are: exact when the search visited every match, otherwise
/// PostgreSQL's estimate (<c>TotalIsEstimate</c>); later pages repeat the first page's; <c>Next</c> is the cursor for the following page (null on the last);
/// <c>Facets</c> is null unless asked for. <c>NearTitles</c> is true when no article matched the words as written and the
/// items are articles whose titles nearly match them (a misspelling).
/// </summary>
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Items, string? Next, SearchFacets? Facets, bool NearTitles,
    bool TotalIsEstimate = false);

/// <summary>Events after a change cursor, in order; <c>Next</c> is the cursor to ask with next time.</summary>
public sealed record ChangesPage(IReadOnlyList<ArticleIndexed> Items, long Next);
