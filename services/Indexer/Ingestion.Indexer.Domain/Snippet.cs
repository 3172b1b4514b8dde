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
        var words = Words(excerpt);
        if (words.Count == 0) return "";
        var hits = new List<int>();
        for (var i = 0; i < words.Count; i++)
            if (IsQueryWord(excerpt.AsSpan(words[i].Start, words[i].Length), wordStarts)) hits.Add(i);

        var fragments = new List<(int From, int To)>();
        foreach (var hit in hits.Count == 0 ? [0] : hits)
        {
            if (fragments.Count == Fragments) break;
            if (fragments.Count > 0 && hit < fragments[^1].To) continue;
            var from = Math.Max(hits.Count == 0 ? 0 : hit - WordsBefore, fragments.Count > 0 ? fragments[^1].To : 0);
            fragments.Add((from, Math.Min(words.Count, from + FragmentWords)));
        }

        var sb = new StringBuilder();
        foreach (var (from, to) in fragments)
        {
            if (sb.Length > 0) sb.Append(Delimiter);
            for (var i = from; i < to; i++)
            {
                if (i > from) sb.Append(' ');
                var text = WebUtility.HtmlEncode(excerpt.Substring(words[i].Start, words[i].Length));
                if (hits.Contains(i)) sb.Append("<b>").Append(text).Append("</b>");
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

    static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) words.Add((start, i - start));
        }
        return words;
    }
}
