using System.Net;
using System.Text;

namespace Ingestion.Indexer.Domain;

/// <summary>
/// A search hit's excerpt: up to two fragments of an article's text around words of the query, those words in
/// <c>&lt;b&gt;…&lt;/b&gt;</c> and the rest HTML-escaped. A word of the text counts as a query word when it starts with the query
/// word's first six letters (<see cref="SearchText.WordStarts"/>) and, for a short query word, is at most two letters
/// longer ("bear" finds "bears", not "bearing"), so inflections are found without a stemmer. Built in the indexer from
/// the text, instead of PostgreSQL's ts_headline, which parsed the text again for every hit and cost more than the
/// rest of the search.
/// </summary>
public static class Snippet
{
    public const int FragmentWords = 30, Fragments = 2, WordsBefore = 8;
    public const string Delimiter = " … ";

    public static string Build(string excerpt, IReadOnlyList<string> wordStarts)
    {
        // One pass over the words that stops once the fragments are complete: a hit early in a long body does not
        // make the whole body be split into words.
        var words = new List<(int Start, int Length)>();
        var fragments = new List<(int From, int To)>();
        var hits = 0;
        var i = 0;
        while (i < excerpt.Length && !(fragments.Count == Fragments && words.Count >= fragments[^1].To))
        {
            while (i < excerpt.Length && char.IsWhiteSpace(excerpt[i])) i++;
            var start = i;
            while (i < excerpt.Length && !char.IsWhiteSpace(excerpt[i])) i++;
            if (i == start) break;
            words.Add((start, i - start));
            var hit = words.Count - 1;
            if (!IsQueryWord(excerpt.AsSpan(start, i - start), wordStarts)) continue;
            hits++;
            if (fragments.Count == Fragments || fragments.Count > 0 && hit < fragments[^1].To) continue;
            var from = Math.Max(hit - WordsBefore, fragments.Count > 0 ? fragments[^1].To : 0);
            fragments.Add((from, from + FragmentWords));
        }
        if (words.Count == 0) return "";
        if (hits == 0) fragments.Add((0, FragmentWords));

        var sb = new StringBuilder();
        foreach (var (from, end) in fragments)
        {
            if (sb.Length > 0) sb.Append(Delimiter);
            var to = Math.Min(words.Count, end);
            for (var w = from; w < to; w++)
            {
                if (w > from) sb.Append(' ');
                var word = excerpt.AsSpan(words[w].Start, words[w].Length);
                var text = WebUtility.HtmlEncode(word.ToString());
                if (hits > 0 && IsQueryWord(word, wordStarts)) sb.Append("<b>").Append(text).Append("</b>");
                else sb.Append(text);
            }
        }
        return sb.ToString();
    }

    static bool IsQueryWord(ReadOnlySpan<char> token, IReadOnlyList<string> wordStarts)
    {
        var word = token.TrimEnd(".,;:!?\"')]»”’".AsSpan()).TrimStart("\"'([«“‘".AsSpan());
        foreach (var start in wordStarts)
            if (word.StartsWith(start, StringComparison.OrdinalIgnoreCase) && (start.Length >= 6 || word.Length <= start.Length + 2))
                return true;
        return false;
    }
}
