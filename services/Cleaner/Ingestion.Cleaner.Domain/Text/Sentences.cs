namespace Ingestion.Cleaner.Domain.Text;

/// <summary>A plain sentence splitter: good enough to compare texts sentence by sentence and to find a lead sentence.</summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "rep", "sen",
        "gov", "pres", "rev", "hon", "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "fig", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd",
        "vol", "pp", "op", "cf", "al", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "rs", "bros", "messrs",
    };

    public static List<string> Split(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '\u2026')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
                    end++;
                if (end >= text.Length)
                {
                    break;
                }
                if (char.IsWhiteSpace(text[end]) && StartsSentence(text, end) && !(c == '.' && IsAbbreviation(text, i)))
                {
                    Add(result, text[start..end]);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        Add(result, text[start..]);
        return result;
    }

    private static void Add(List<string> into, string sentence)
    {
        var s = sentence.Trim();
        if (s.Length > 0) into.Add(s);
    }

    private static bool StartsSentence(string text, int whitespaceAt)
    {
        var j = whitespaceAt;
        while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
        if (j >= text.Length) return true;
        var n = text[j];
        return char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' || !char.IsLetter(n)
            && !char.IsPunctuation(n);
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var j = dot - 1;
        while (j >= 0 && (char.IsLetter(text[j]) || text[j] == '.')) j--;
        var word = text[(j + 1)..dot];
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "S. Jaishankar"
        return Abbreviations.Contains(word);
    }
}
