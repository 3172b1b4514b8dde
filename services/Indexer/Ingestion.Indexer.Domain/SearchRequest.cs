namespace Ingestion.Indexer.Domain;

/// <summary>A validated search: what <c>GET /search</c> accepts.</summary>
public sealed record SearchRequest(string? Query, string? Language, string? Source, DateTimeOffset? From, DateTimeOffset? To, int Limit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxQueryLength = 500;

    /// <summary>Builds a request from raw parameters, or says what is wrong with them.</summary>
    public static (SearchRequest? Request, string? Error) Parse(string? q, string? lang, string? source, string? from, string? to, string? limit)
    {
        if (q is { Length: > MaxQueryLength })
            return (null, $"q is too long: at most {MaxQueryLength} characters.");
        var n = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out n) || n < 1))
            return (null, "limit must be a positive whole number.");
        if (!TryDate(from, out var fromDate))
            return (null, "from must be a date (YYYY-MM-DD) or an ISO 8601 timestamp.");
        if (!TryDate(to, out var toDate))
            return (null, "to must be a date (YYYY-MM-DD) or an ISO 8601 timestamp.");
        if (fromDate > toDate)
            return (null, "from is after to.");
        return (new SearchRequest(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), Blank(lang), Blank(source), fromDate, toDate,
            Math.Min(n, MaxLimit)), null);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static bool TryDate(string? s, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(s)) return true;
        if (!DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var d))
            return false;
        value = d;
        return true;
    }
}
