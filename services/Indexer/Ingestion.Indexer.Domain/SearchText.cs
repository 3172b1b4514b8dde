using System.Text;

namespace Ingestion.Indexer.Domain;

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
}
