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

    public static string Limit(string html, int maxDepth = MaxDepth)
    {
        var open = new List<string>();
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
            var name = html[nameStart..nameEnd];
            var tagEnd = FindTagEnd(html, nameEnd);
            if (tagEnd < 0) break;
            var selfClosing = html[tagEnd - 1] == '/';

            var drop = false;
            if (!isEnd)
            {
                if (RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? html.Length : close;
                    continue;
                }
                if (!selfClosing && !Uncounted.Contains(name))
                {
                    if (open.Count >= maxDepth)
                    {
                        drop = true;
                        skipped[name] = skipped.GetValueOrDefault(name) + 1;
                    }
                    else
                    {
                        open.Add(name);
                    }
                }
            }
            else if (!Uncounted.Contains(name))
            {
                if (skipped.TryGetValue(name, out var count) && count > 0 && (open.Count == 0 || !string.Equals(open[^1], name, StringComparison.OrdinalIgnoreCase)))
                {
                    drop = true;
                    skipped[name] = count - 1;
                }
                else
                {
                    var at = open.FindLastIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
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
            else if (c is '"' or '\'' && j > 0 && html[j - 1] == '=' || c is '"' or '\'' && j > 1 && html[j - 1] == ' ' && html[j - 2] == '=')
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
