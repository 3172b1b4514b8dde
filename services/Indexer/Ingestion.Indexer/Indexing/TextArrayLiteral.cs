namespace Ingestion.Indexer.Indexing;

/// <summary>
/// A list of strings as PostgreSQL's text-array literal (<c>{"a","b \"c\""}</c>), which <c>::text[]</c> reads back: how a
/// batch passes one list per row through <c>unnest</c>, which cannot take arrays of arrays.
/// </summary>
public static class TextArrayLiteral
{
    public static string Of(IReadOnlyList<string?> items)
    {
        if (items.Count == 0) return "{}";
        var sb = new System.Text.StringBuilder(2 + items.Sum(i => (i?.Length ?? 4) + 3));
        sb.Append('{');
        for (var n = 0; n < items.Count; n++)
        {
            if (n > 0) sb.Append(',');
            if (items[n] is not { } item) { sb.Append("NULL"); continue; }
            sb.Append('"');
            foreach (var c in item)
            {
                if (c is '"' or '\\') sb.Append('\\');
                sb.Append(c);
            }
            sb.Append('"');
        }
        return sb.Append('}').ToString();
    }
}
