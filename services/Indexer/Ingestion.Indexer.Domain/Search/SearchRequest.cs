using System.Globalization;

namespace Ingestion.Indexer.Domain.Search;

/// <summary>A validated search: what <c>GET /search</c> accepts.</summary>
/// <param name="Query">Web-search syntax text, or null to list the newest articles.</param>
/// <param name="Language">ISO 639-1 language filter, or null.</param>
/// <param name="Source">Source name filter, or null.</param>
/// <param name="From">Earliest publication time, or null.</param>
/// <param name="To">Latest publication time, or null.</param>
/// <param name="Limit">Page size (capped at <see cref="MaxLimit"/>).</param>
/// <param name="Entity">Entity filter (canonical name, optional type), or null.</param>
/// <param name="Cursor">Where the previous page ended, or null for the first page.</param>
/// <param name="Facets">Whether to count top entities, sources and languages over the best-ranked results.</param>
public sealed record SearchRequest(string? Query, string? Language, string? Source, DateTimeOffset? From, DateTimeOffset? To, int Limit,
    EntityFilter? Entity = null, SearchCursor? Cursor = null, bool Facets = false)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 500;
    public const int MaxNameLength = 200;

    /// <summary>
    /// Text for near-matching titles with pg_trgm: the query's words without syntax; null without a query or when every
    /// word the query asks for is quoted (quotes ask for those exact words, which a near-match would not honour).
    /// </summary>
    public string? TitleText => Query is null
        || SearchText.ForTrigrams(SearchText.WithoutQuoted(Query)) is null ? null : SearchText.ForTrigrams(Query);

    /// <summary>Identifies the query and its filters (not the page): a cursor only continues the query that made it.</summary>
    public string Fingerprint => SearchCursor.FingerprintOf(Query, Language, Source, From, To, Entity);

    /// <summary>Builds a request from raw parameters, or says what is wrong with them.</summary>
    public static (SearchRequest? Request, string? Error) Parse(string? q, string? lang, string? source, string? from, string? to,
        string? limit,
        string? entity = null, string? entityType = null, string? cursor = null, string? facets = null)
    {
        if (q is { Length: > MaxQueryLength })
            return (null, $"q is too long ({q.Length} characters): at most {MaxQueryLength}.");
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query is not null && !query.Any(char.IsLetterOrDigit))
            return (null, "q has no words to search for (only punctuation or operators); leave it empty to list the newest articles.");
        var n = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1))
            return (null, "limit must be a positive whole number.");
        var language = Blank(lang);
        if (language is not null && !IsLanguageTag(language))
            return (null, "lang must be an ISO 639-1 code such as 'en' or 'de'.");
        if (!TryDate(from, out var fromDate))
            return (null, "from must be a date (YYYY-MM-DD) or an ISO 8601 timestamp.");
        if (!TryDate(to, out var toDate))
            return (null, "to must be a date (YYYY-MM-DD) or an ISO 8601 timestamp.");
        if (fromDate > toDate)
            return (null, "from is after to.");
        var (entityFilter, entityError) = EntityFilter.Parse(entity, entityType);
        if (entityError is not null)
            return (null, entityError);
        if (Blank(source) is { Length: > MaxNameLength })
            return (null, $"source is too long: at most {MaxNameLength} characters.");
        bool wantFacets = false;
        if (!string.IsNullOrWhiteSpace(facets) && !bool.TryParse(facets.Trim(), out wantFacets))
            return (null, "facets must be true or false.");

        var request = new SearchRequest(query, language?.ToLowerInvariant(), Blank(source), fromDate, toDate, Math.Min(n, MaxLimit),
            entityFilter, null, wantFacets);
        if (string.IsNullOrWhiteSpace(cursor))
            return (request, null);
        var (c, cursorError) = SearchCursor.Decode(cursor.Trim());
        if (c is null)
            return (null, cursorError);
        if (c.Fingerprint != request.Fingerprint)
            return (null,
                "cursor belongs to a different search: send it with the same q, lang, source, from, to and entity as the page that "
                    + "returned it.");
        if (c.Ranked != (query is not null))
            return (null, "cursor belongs to a different kind of search (ranked vs newest).");
        return (request with { Cursor = c }, null);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static bool IsLanguageTag(string s)
    {
        var primary = s.Split('-', '_')[0];
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetter) && s.Length <= 16;
    }

    static bool TryDate(string? s, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var d))
            return false;
        value = d;
        return true;
    }
}
