using System.Globalization;
using System.Text;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>Whitespace, invisible characters, word counts and comparison keys.</summary>
internal static class TextNormalizer
{
    /// <summary>Collapses every run of whitespace (including no-break and typographic spaces) into one space, drops invisible characters,
    /// trims.</summary>
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c)) continue;
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Normalises line ends to \n and spaces within lines, keeping the line structure.</summary>
    public static string NormaliseLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace('\u2028', '\n').Replace('\u2029', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++) lines[i] = CollapseWhitespace(lines[i]);
        return string.Join('\n', lines);
    }

    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u200E' or '\u200F'
        || (char.GetUnicodeCategory(c) == UnicodeCategory.Control && c is not '\n' and not '\t' and not '\r');

    /// <summary>
    /// Words: maximal runs of letters, digits and word-internal apostrophes/hyphens. Chinese and Japanese are written
    /// without spaces, so each ideograph or kana counts as a word of its own.
    /// </summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord) count++;
                inWord = true;
            }
            else if (!(inWord && c is '\'' or '\u2019' or '-'))
            {
                inWord = false;
            }
        }
        return count;
    }

    /// <summary>Han ideographs, hiragana and katakana.</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3040' and <= '\u30FF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>A key for comparing texts: lower case letters and digits, single spaces, nothing else.</summary>
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in NeedsCompatibilityForms(text) ? text.Normalize(NormalizationForm.FormKC) : text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is not '\'' and not '\u2019')
            {
                space = true;
            }
        }
        return sb.ToString();
    }

    /// <summary>Characters NFKC leaves as they are and that combine with nothing: ASCII below U+00A0 (no-break space
    /// and the Latin-1 symbols after it have compatibility forms), Latin-1 letters U+00C0–U+00FF, and the dashes and
    /// curly quotes of ordinary prose. Text made only of them skips ICU's normalization, the costliest step of a key.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainCharacters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0xA0).Select(i => (char)i)) +
        string.Concat(Enumerable.Range(0xC0, 0x40).Select(i => (char)i)) +
        "\u2013\u2014\u2018\u2019\u201C\u201D");

    private static bool NeedsCompatibilityForms(string text) => text.AsSpan().IndexOfAnyExcept(PlainCharacters) >= 0;

    /// <summary>Cuts text to at most <paramref name="max"/> characters at a word boundary.</summary>
    public static string CutAtWord(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        var result = cut > max / 2 ? text[..cut] : text[..max];
        return result.TrimEnd(' ', ',', ';', ':', '-', '\u2013', '\u2014');
    }

    /// <summary>"NEW DELHI" -> "New Delhi", "WINSTON-SALEM" -> "Winston-Salem"; mixed-case text is left alone.</summary>
    public static string TitleCaseIfShouting(string text)
    {
        if (text.Any(char.IsLower)) return text;
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant());
        // "O'hare" -> "O'Hare", "Mcdonald" stays: only fix the apostrophe case.
        var sb = new StringBuilder(title);
        for (var i = 1; i < sb.Length - 1; i++)
            if (sb[i] is '\'' or '\u2019' && i == 1 && char.IsLetter(sb[i + 1]))
                sb[i + 1] = char.ToUpperInvariant(sb[i + 1]);
        return sb.ToString();
    }

    public static bool IsMostlyUpper(string text)
    {
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters > 0 && upper * 10 >= letters * 8;
    }
}
