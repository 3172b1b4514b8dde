using System.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Empties <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> elements before the page reaches the parser: on news pages
/// they are about half of the characters, and nothing reads them except JSON-LD (<c>type="...ld+json"</c>), which is
/// kept whole. The elements themselves stay (empty), so the tree keeps its shape. One forward scan, no regex; a page
/// without such content is returned as the same string instance.
/// </summary>
internal static class RawTextTrimmer
{
    /// <summary>Content shorter than this is left alone: copying around it would cost more than parsing it.</summary>
    private const int MinTrimmedChars = 64;

    public static string Trim(string html)
    {
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 7 >= html.Length) break;
            var name = TagName(html, lt + 1);
            if (name is null)
            {
                i = lt + 1;
                continue;
            }
            var tagEnd = FindTagEnd(html, lt + 1 + name.Length);
            if (tagEnd < 0) break;
            var contentStart = tagEnd + 1;
            if (name == "script" && IsJsonLd(html.AsSpan(lt, contentStart - lt)))
            {
                i = contentStart;
                continue;
            }
            var close = IndexOfEndTag(html, contentStart, name);
            if (close < 0) break; // unclosed: the parser deals with the rest as it is
            if (close - contentStart >= MinTrimmedChars)
            {
                output ??= new StringBuilder(html.Length / 2);
                output.Append(html, copiedUpTo, contentStart - copiedUpTo);
                copiedUpTo = close;
            }
            i = close + 2;
        }
        if (output is null) return html;
        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    /// <summary>"script" or "style" when a start tag of that name begins at <paramref name="at"/>.</summary>
    private static string? TagName(string html, int at)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style"])
        {
            if (at + name.Length >= html.Length) continue;
            if (!html.AsSpan(at, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            var after = html[at + name.Length];
            if (after is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f') return name;
        }
        return null;
    }

    private static int FindTagEnd(string html, int from)
    {
        char quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
        }
        return -1;
    }

    private static bool IsJsonLd(ReadOnlySpan<char> startTag) => startTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where <c>&lt;/name</c> starts (as HTML ends raw text: case-insensitive, followed by a delimiter).</summary>
    private static int IndexOfEndTag(string html, int from, string name)
    {
        var i = from;
        while (true)
        {
            var at = html.IndexOf("</", i, StringComparison.Ordinal);
            if (at < 0 || at + 2 + name.Length > html.Length) return -1;
            if (html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (at + 2 + name.Length == html.Length || html[at + 2 + name.Length] is '>' or ' ' or '\t' or '\n' or '\r' or '\f' or '/'))
                return at;
            i = at + 2;
        }
    }
}
