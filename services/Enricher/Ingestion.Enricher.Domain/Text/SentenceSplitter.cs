namespace Ingestion.Enricher.Domain.Text;

/// <summary>A sentence as a character range of the text (End is exclusive).</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
    public string Of(string text) => text[Start..End];
}

/// <summary>
/// Rule-based sentence splitter: a sentence ends at '.', '!' or '?' (with any closing quotes or brackets) followed by
/// whitespace and a capital letter, digit or opening quote, and at every line break. Abbreviations ("Mr.", "Dr.",
/// "Jan.") and initials ("S. Jaishankar", "U.S.") do not end a sentence. Quotes are not special: a quoted passage of
/// two sentences is two sentences (callers that must not cut quotes use the quote ranges).
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "no", "nos", "vol", "fig", "approx", "mt", "ft", "ave", "rd", "dept", "univ", "rev", "hon", "adm",
        "maj", "brig", "cmdr", "cdr", "supt", "insp", "pvt", "messrs", "mme", "mlle", "esq", "op", "cf", "al", "eg", "ie",
        "smt", "shri", "km", "approx", "est", "govt",
    };

    private static bool IsClosing(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';
    private static bool IsOpening(char c) => c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';
    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    public static List<SentenceSpan> Split(string text)
    {
        var result = new List<SentenceSpan>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsLineBreak(c))
            {
                Close(text, result, ref start, i);
                i++;
                continue;
            }
            if (start < 0)
            {
                if (!char.IsWhiteSpace(c)) start = i;
                else
                {
                    i++;
                    continue;
                }
            }
            if (c is '.' or '!' or '?' or '…')
            {
                var j = i;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '…') j++;
                while (j < text.Length && IsClosing(text[j])) j++;
                if (j >= text.Length)
                {
                    Close(text, result, ref start, j);
                    i = j;
                    continue;
                }
                if (char.IsWhiteSpace(text[j]))
                {
                    var k = j;
                    while (k < text.Length && char.IsWhiteSpace(text[k]) && !IsLineBreak(text[k])) k++;
                    var endsHere = k >= text.Length || IsLineBreak(text[k]) ||
                                   ((char.IsUpper(text[k]) || char.IsDigit(text[k]) || IsOpening(text[k]))
                                    && !(c == '.' && j - i == 1 + CountClosing(text, i + 1, j) && IsAbbreviationBefore(text, i)));
                    if (endsHere)
                    {
                        Close(text, result, ref start, j);
                        i = j;
                        continue;
                    }
                }
                i = j;
                continue;
            }
            i++;
        }
        Close(text, result, ref start, text.Length);
        return result;
    }

    private static int CountClosing(string text, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to; k++) if (IsClosing(text[k])) n++;
        return n;
    }

    /// <summary>True when the '.' at position dot ends an abbreviation or an initial rather than a sentence.</summary>
    private static bool IsAbbreviationBefore(string text, int dot)
    {
        var k = dot;
        while (k > 0 && (char.IsLetter(text[k - 1]) || text[k - 1] == '.')) k--;
        if (k == dot) return false;
        var word = text[k..dot];
        if (word.Contains('.')) return true;                       // "U.S." "e.g."
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // initial: "S. Jaishankar"
        return Abbreviations.Contains(word);
    }

    private static void Close(string text, List<SentenceSpan> result, ref int start, int end)
    {
        if (start < 0) return;
        var e = end;
        while (e > start && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > start) result.Add(new SentenceSpan(start, e));
        start = -1;
    }
}
