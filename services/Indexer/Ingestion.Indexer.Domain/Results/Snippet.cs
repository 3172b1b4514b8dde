using System.Net;
using System.Text;

namespace Ingestion.Indexer.Domain.Results;

/// <summary>
/// A search hit's excerpt: up to two fragments of an article's text around words of the query, those words in
/// <c>&lt;b&gt;…&lt;/b&gt;</c> and the rest HTML-escaped. A word of the text counts as a query word when it starts with the query
/// word's first six letters (<see cref="Search.SearchText.WordStarts"/>) and, for a short query word, is at most two letters
/// longer ("bear" finds "bears", not "bearing"), so inflections are found without a stemmer. Built in the indexer from
/// the text, instead of PostgreSQL's ts_headline, which parsed the text again for every hit and cost more than the
/// rest of the search.
/// </summary>
/// <remarks>
/// Words are whitespace-separated tokens. A fragment starts <see cref="WordsBefore"/> words before a query word (not
/// before the previous fragment's end) and holds <see cref="FragmentWords"/> words; the second fragment's query word is
/// the first one after the first fragment. Query words are found with a vectorised substring search, and only the
/// words around them are split, so a long text whose matches are late or missing is not split word by word.
/// </remarks>
public static class Snippet
{
    public const int FragmentWords = 30, Fragments = 2, WordsBefore = 8;
    public const string Delimiter = " … ";

    const string Leading = "\"'([«“‘", Trailing = ".,;:!?\"')]»”’";

    public static string Build(string excerpt, IReadOnlyList<string> wordStarts)
    {
        var text = excerpt.AsSpan();
        Span<(int From, int To)> fragments = stackalloc (int, int)[Fragments];
        var count = 0;
        var searchFrom = 0;
        while (count < Fragments && NextQueryWord(text, searchFrom, wordStarts) is var hit and >= 0)
        {
            var from = WordsBack(text, hit, WordsBefore, floor: count > 0 ? fragments[count - 1].To : 0);
            var to = WordsForward(text, from, FragmentWords);
            fragments[count++] = (from, to);
            searchFrom = to;
        }
        var marked = count > 0;
        if (!marked)
        {
            var to = WordsForward(text, 0, FragmentWords);
            if (text[..to].IsWhiteSpace()) return "";
            fragments[count++] = (0, to);
        }

        var sb = new StringBuilder();
        foreach (var (from, to) in fragments[..count])
        {
            if (sb.Length > 0) sb.Append(Delimiter);
            var first = true;
            for (var i = from; NextWord(text, ref i, to) is { Length: > 0 } word;)
            {
                if (!first) sb.Append(' ');
                first = false;
                var encoded = WebUtility.HtmlEncode(word.ToString());
                if (marked && IsQueryWord(word, wordStarts)) sb.Append("<b>").Append(encoded).Append("</b>");
                else sb.Append(encoded);
            }
        }
        return sb.ToString();
    }

    /// <summary>The start of the first word at or after <paramref name="from"/> that is a query word; -1 when there is none.</summary>
    static int NextQueryWord(ReadOnlySpan<char> text, int from, IReadOnlyList<string> wordStarts)
    {
        var best = -1;
        foreach (var start in wordStarts)
        {
            var limit = best < 0 ? text.Length : best;
            for (var at = from; at < limit;)
            {
                var found = text[at..limit].IndexOf(start, StringComparison.OrdinalIgnoreCase);
                if (found < 0) break;
                var position = at + found;
                var wordStart = position;
                while (wordStart > 0 && Leading.Contains(text[wordStart - 1])) wordStart--;
                if ((wordStart == 0 || char.IsWhiteSpace(text[wordStart - 1])) && wordStart >= from)
                {
                    var wordEnd = position;
                    while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd])) wordEnd++;
                    if (IsQueryWord(text[wordStart..wordEnd], wordStarts)) { best = wordStart; break; }
                }
                at = position + 1;
            }
        }
        return best;
    }

    /// <summary>The start of the word <paramref name="words"/> words before the one at <paramref name="at"/>, not before <paramref
    /// name="floor"/>.</summary>
    static int WordsBack(ReadOnlySpan<char> text, int at, int words, int floor)
    {
        var start = at;
        for (var n = 0; n < words; n++)
        {
            var i = start;
            while (i > floor && char.IsWhiteSpace(text[i - 1])) i--;
            if (i == floor) break;
            while (i > floor && !char.IsWhiteSpace(text[i - 1])) i--;
            start = i;
        }
        return start;
    }

    /// <summary>The end of the <paramref name="words"/>th word from <paramref name="from"/> (or of the text).</summary>
    static int WordsForward(ReadOnlySpan<char> text, int from, int words)
    {
        var i = from;
        for (var n = 0; n < words && NextWord(text, ref i, text.Length).Length > 0; n++) { }
        return i;
    }

    /// <summary>The next whitespace-separated word from <paramref name="i"/> that ends by <paramref name="end"/>; empty at the
    /// end.</summary>
    static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        var start = i;
        while (i < end && !char.IsWhiteSpace(text[i])) i++;
        return text[start..i];
    }

    static bool IsQueryWord(ReadOnlySpan<char> token, IReadOnlyList<string> wordStarts)
    {
        var word = token.TrimEnd(Trailing.AsSpan()).TrimStart(Leading.AsSpan());
        foreach (var start in wordStarts)
            if (word.StartsWith(start, StringComparison.OrdinalIgnoreCase) && (start.Length >= 6 || word.Length <= start.Length + 2))
                return true;
        return false;
    }
}
