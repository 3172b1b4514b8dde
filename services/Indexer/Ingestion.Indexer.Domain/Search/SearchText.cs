using System.Text;

namespace Ingestion.Indexer.Domain.Search;

/// <summary>Turns a web-search query into plain words for title near-matching (pg_trgm word similarity).</summary>
public static class SearchText
{
    /// <summary>
    /// The words a reader wants to find, without quotes, <c>OR</c> and excluded (<c>-word</c>) terms; null when none remain.
    /// </summary>
    public static string? ForTrigrams(string query)
    {
        var words = new List<string>();
        foreach (var raw in query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('-') || raw == "OR") continue;
            var sb = new StringBuilder(raw.Length);
            foreach (var ch in raw)
                if (char.IsLetterOrDigit(ch) || ch is '\'' or '-' or '.') sb.Append(ch);
            var w = sb.ToString().Trim('-', '.', '\'');
            if (w.Length > 0) words.Add(w);
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>
    /// Lower-case starts (at most six letters) of the words a reader wants to find, to locate a snippet in the body: a word's
    /// inflections share its start ("government", "governments"). Empty without a query.
    /// </summary>
    public static string[] WordStarts(string? query) =>
        query is null || ForTrigrams(query) is not { } words ? []
            : words.Split(' ').Select(w => w.ToLowerInvariant()).Select(w => w.Length > 6 ? w[..6] : w).Where(w =>
                w.Length >= 2).Distinct().ToArray();

    /// <summary>The query without its quoted parts (an unclosed quote runs to the end, as websearch_to_tsquery reads it).</summary>
    public static string WithoutQuoted(string query)
    {
        var sb = new StringBuilder(query.Length);
        var quoted = false;
        foreach (var ch in query)
        {
            if (ch == '"') { quoted = !quoted; sb.Append(' '); }
            else if (!quoted) sb.Append(ch);
        }
        return sb.ToString();
    }

    /// <summary>Whether the query excludes a word (<c>-word</c> outside quotes, as websearch_to_tsquery reads it).</summary>
    public static bool Excludes(string? query)
    {
        if (query is null) return false;
        var quoted = false;
        for (var i = 0; i < query.Length; i++)
        {
            if (query[i] == '"') quoted = !quoted;
            else if (!quoted && query[i] == '-' && (i == 0 || char.IsWhiteSpace(query[i - 1])) && i + 1 < query.Length
                && char.IsLetterOrDigit(query[i + 1]))
                return true;
        }
        return false;
    }
}
