using System.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Caps how deep markup nests before it reaches the parser. An HTML5 tree builder spends time in proportion to the
/// depth of its stack of open elements for every tag, so 100,000 nested <c>&lt;div&gt;</c>s take minutes. Browsers
/// cap the depth too (Chromium at 512). Start tags beyond <see cref="MaxDepth"/> are dropped together with their end
/// tags; their text stays. Pages within the limit are returned untouched (the same string instance).
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 256;

    /// <summary>Elements that never nest (void) or whose end tag is optional and usually left out: they do not count.</summary>
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption",
        "thead", "tbody", "tfoot", "html", "head", "body",
    };

    /// <summary>Elements whose content is raw text: no tags inside until their end tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedNames =
        Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextNames =
        RawText.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        // Open elements as (start, length) of their names in the page: no string per tag.
        var open = new List<(int Start, int Length)>();
        var skipped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length) break;
            var next = html[lt + 1];

            if (next == '!' || next == '?')
            {
                i = SkipDeclaration(html, lt);
                continue;
            }
            var isEnd = next == '/';
            var nameStart = isEnd ? lt + 2 : lt + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_')) nameEnd++;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = FindTagEnd(html, nameEnd);
            if (tagEnd < 0) break;
            var selfClosing = html[tagEnd - 1] == '/';

            var drop = false;
            if (!isEnd)
            {
                if (RawTextNames.Contains(name))
                {
                    var close = IndexOfEndTag(html, tagEnd + 1, name);
                    i = close < 0 ? html.Length : close;
                    continue;
                }
                if (!selfClosing && !UncountedNames.Contains(name))
                {
                    if (open.Count >= maxDepth)
                    {
                        drop = true;
                        var key = name.ToString();
                        skipped[key] = skipped.GetValueOrDefault(key) + 1;
                    }
                    else
                    {
                        open.Add((nameStart, name.Length));
                    }
                }
            }
            else if (!UncountedNames.Contains(name))
            {
                var count = skipped.Count == 0 ? 0 : skipped.GetValueOrDefault(name.ToString());
                if (count > 0 && (open.Count == 0 || !IsName(html, open[^1], name)))
                {
                    drop = true;
                    skipped[name.ToString()] = count - 1;
                }
                else
                {
                    var at = open.Count - 1;
                    while (at >= 0 && !IsName(html, open[at], name)) at--;
                    if (at >= 0) open.RemoveRange(at, open.Count - at);
                }
            }

            if (drop)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copiedUpTo, lt - copiedUpTo);
                copiedUpTo = tagEnd + 1;
            }
            i = tagEnd + 1;
        }
        if (output is null) return html;
        output.Append(html, copiedUpTo, html.Length - copiedUpTo);
        return output.ToString();
    }

    private static bool IsName(string html, (int Start, int Length) open, ReadOnlySpan<char> name) =>
        html.AsSpan(open.Start, open.Length).Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where <c>&lt;/name</c> starts (case-insensitive), or -1.</summary>
    private static int IndexOfEndTag(string html, int from, ReadOnlySpan<char> name)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2,
            StringComparison.Ordinal))
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase)) return at;
        return -1;
    }

    /// <summary>Index of the '&gt;' closing a tag, honouring quoted attribute values; -1 when there is none.</summary>
    private static int FindTagEnd(string html, int from)
    {
        char quote = '\0';
        for (var j = from; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'' && j > 0 && html[j - 1] == '=' || c is '"' or '\'' && j > 1 && html[j - 1] == ' '
                && html[j - 2] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j;
            }
        }
        return -1;
    }

    private static int SkipDeclaration(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        var gt = html.IndexOf('>', lt + 1);
        return gt < 0 ? html.Length : gt + 1;
    }
}
