namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// Splits a sentence into tokens the way the entity model's training data is tokenised (UNER English-EWT,
/// WikiGold, the Broad Twitter Corpus: Penn Treebank / UD conventions), so that the model sees at run time the
/// token sequences it was trained on. Unlike the enricher's <see cref="Text.Tokenizer"/>, clitics are split off
/// ("I'm" → "I" "'m", "don't" → "do" "n't"), runs of one punctuation mark stay one token ("...", "!!!"), known
/// abbreviations keep their period ("Dr.", "Inc."), and hyphenated words, e-mail addresses and URLs stay whole.
/// </summary>
public static class ModelTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "st", "vs", "etc", "gen", "gov",
        "sen", "rep", "lt", "col", "sgt", "capt", "no", "dept", "univ", "ave", "blvd", "rd", "mt", "ft",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Clitics = ["n't", "'s", "'m", "'ve", "'ll", "'re", "'d", "n’t", "’s", "’m", "’ve", "’ll", "’re", "’d"];

    /// <summary>The tokens of <paramref name="text"/>[start..end) as (start, end) character offsets.</summary>
    public static List<(int Start, int End)> Split(string text, int start, int end)
    {
        var tokens = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i >= end) break;
            var j = i;
            while (j < end && !char.IsWhiteSpace(text[j])) j++;
            SplitChunk(text, i, j, tokens);
            i = j;
        }
        return tokens;
    }

    /// <summary>One whitespace-free chunk.</summary>
    private static void SplitChunk(string text, int a, int b, List<(int, int)> tokens)
    {
        var chunk = text.AsSpan(a, b - a);
        if (IsClitic(chunk))
        {
            tokens.Add((a, b));
            return;
        }
        if (!HasLetterOrDigit(chunk))
        {
            Runs(text, a, b, tokens);
            return;
        }
        if (chunk.Contains('@') || chunk.Contains("://", StringComparison.Ordinal)
            || chunk.TrimStart("(\"<").StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            SplitAddress(text, a, b, tokens);
            return;
        }

        // Leading punctuation, a run of one mark at a time; "#tag", "@user" and "$5" keep their sign.
        while (a < b && IsMark(text[a]) && !(text[a] is '#' or '@' or '$' && a + 1 < b && char.IsLetterOrDigit(text[a + 1])))
        {
            var e = RunEnd(text, a, b);
            tokens.Add((a, e));
            a = e;
        }

        // Trailing punctuation, collected from the end; an abbreviation keeps its single period.
        var tail = new List<(int, int)>();
        while (b > a && IsMark(text[b - 1]))
        {
            if (text[b - 1] == '.' && (b - 2 < a || text[b - 2] != '.') && IsAbbreviation(text.AsSpan(a, b - 1 - a))) break;
            var s = b - 1;
            while (s > a && text[s - 1] == text[b - 1]) s--;
            tail.Add((s, b));
            b = s;
        }

        if (a < b)
        {
            var cut = CliticStart(text, a, b);
            SplitInner(text, a, cut, tokens);
            if (cut < b) tokens.Add((cut, b));
        }
        tail.Reverse();
        tokens.AddRange(tail);
    }

    /// <summary>An e-mail address or URL stays one token; brackets before it and sentence punctuation after it do not.</summary>
    private static void SplitAddress(string text, int a, int b, List<(int, int)> tokens)
    {
        var e = b;
        while (e > a + 1 && text[e - 1] is '.' or ',' or ')' or '!' or '?' or ';' or ':' or '"' or '>') e--;
        while (a < e - 1 && text[a] is '(' or '"' or '<')
        {
            tokens.Add((a, a + 1));
            a++;
        }
        tokens.Add((a, e));
        if (e < b) Runs(text, e, b, tokens);
    }

    /// <summary>Inside a word: commas (not between digits), brackets, quotes, semicolons, '!' and '?' split; hyphens, slashes, dots,
    /// '&amp;' and apostrophes do not.</summary>
    private static void SplitInner(string text, int a, int b, List<(int, int)> tokens)
    {
        var start = a;
        for (var k = a; k < b; k++)
        {
            var c = text[k];
            var splits = c is '(' or ')' or '"' or ';' or '[' or ']' or '“' or '”' or '!' or '?'
                         || (c == ',' && !(k > a && k + 1 < b && char.IsDigit(text[k - 1]) && char.IsDigit(text[k + 1])));
            if (!splits) continue;
            if (k > start) tokens.Add((start, k));
            tokens.Add((k, k + 1));
            start = k + 1;
        }
        if (start < b) tokens.Add((start, b));
    }

    /// <summary>Where a trailing clitic ("n't", "'s", "'ll", ...) starts in text[a..b), or b when there is none.</summary>
    private static int CliticStart(string text, int a, int b)
    {
        var word = text.AsSpan(a, b - a);
        foreach (var clitic in Clitics)
            if (word.Length > clitic.Length && word.EndsWith(clitic, StringComparison.OrdinalIgnoreCase))
                return b - clitic.Length;
        return b;
    }

    private static bool IsClitic(ReadOnlySpan<char> chunk)
    {
        foreach (var clitic in Clitics)
            if (chunk.Equals(clitic, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"Dr", "inc", a single letter ("J. Smith") or dotted letters ("U.S", "e.g") before a final period.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        if (word.Length == 1) return char.IsLetter(word[0]);
        if (AbbreviationLookup.Contains(word)) return true;
        if (!word.Contains('.')) return false;
        foreach (var c in word)
            if (!(char.IsLetter(c) || c == '.')) return false;
        return true;
    }

    private static void Runs(string text, int a, int b, List<(int, int)> tokens)
    {
        while (a < b)
        {
            var e = RunEnd(text, a, b);
            tokens.Add((a, e));
            a = e;
        }
    }

    private static int RunEnd(string text, int a, int b)
    {
        var e = a + 1;
        while (e < b && text[e] == text[a]) e++;
        return e;
    }

    private static bool IsMark(char c) => !char.IsLetterOrDigit(c);

    private static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }
}
