using System.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Takes out what the parser would build but nothing reads, before the page reaches the parser: the content of
/// <c>&lt;script&gt;</c>, <c>&lt;style&gt;</c> and <c>&lt;svg&gt;</c> elements (on news pages about half of the
/// characters) except JSON-LD (<c>type="...ld+json"</c>), which is kept whole; comments; and attributes no rule reads
/// (<c>data-*</c>, <c>srcset</c>, <c>sizes</c>, event handlers <c>on*</c>), which are a quarter of what is left. The
/// elements themselves stay, so the tree keeps its shape. One forward scan, no regex; a page without such content is
/// returned as the same string instance.
/// </summary>
internal static class RawTextTrimmer
{
    /// <summary>Content shorter than this is left alone: copying around it would cost more than parsing it.</summary>
    private const int MinTrimmedChars = 64;

    /// <summary>Attributes are read up to this many per tag; a tag with more is left as it is from there on.</summary>
    private const int MaxAttributesPerTag = 256;

    public static string Trim(string html)
    {
        var output = new Output(html);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 3 >= html.Length) break;
            var next = html[lt + 1];
            if (next == '!')
            {
                i = SkipComment(html, lt, output);
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                i = lt + 1;
                continue;
            }
            var name = RawTextName(html, lt + 1);
            var afterName = lt + 1;
            while (afterName < html.Length && !IsSpace(html[afterName]) && html[afterName] is not ('>' or '/')) afterName++;
            var tagEnd = ReadAttributes(html, afterName, output);
            if (tagEnd < 0) break;
            var contentStart = tagEnd + 1;
            if (name is null || html[tagEnd - 1] == '/' && name == "svg")
            {
                i = contentStart;
                continue;
            }
            var close = IndexOfEndTag(html, contentStart, name);
            if (close < 0) break; // unclosed: the parser deals with the rest as it is
            if (!(name == "script" && IsJsonLd(html.AsSpan(lt, contentStart - lt))) && close - contentStart >= MinTrimmedChars)
                output.Skip(contentStart, close);
            i = close + 2;
        }
        return output.Finish();
    }

    /// <summary>Drops a comment (<c>&lt;!-- ... --&gt;</c>); a doctype or other <c>&lt;!</c> markup is kept. Returns where to go
    /// on.</summary>
    private static int SkipComment(string html, int lt, Output output)
    {
        if (!html.AsSpan(lt).StartsWith("<!--", StringComparison.Ordinal)) return lt + 2;
        var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
        if (end < 0) return html.Length; // an unclosed comment runs to the end: the parser makes it one comment
        output.Skip(lt, end + 3);
        return end + 3;
    }

    /// <summary>
    /// Reads a start tag's attributes from <paramref name="from"/> as the HTML tokenizer does, dropping those no rule
    /// reads; returns the index of the tag's closing <c>&gt;</c>, or -1 when the tag never closes.
    /// </summary>
    private static int ReadAttributes(string html, int from, Output output)
    {
        var i = from;
        for (var count = 0; i < html.Length; count++)
        {
            var start = i;
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/')) i++;
            if (i >= html.Length) return -1;
            if (html[i] == '>') return i;
            var nameStart = i;
            i++; // the first character belongs to the name even when it is '='
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/' or '=')) i++;
            var nameEnd = i;
            var j = i;
            while (j < html.Length && IsSpace(html[j])) j++;
            if (j < html.Length && html[j] == '=')
            {
                j++;
                while (j < html.Length && IsSpace(html[j])) j++;
                if (j >= html.Length) return -1;
                if (html[j] is '"' or '\'')
                {
                    var endQuote = html.IndexOf(html[j], j + 1);
                    if (endQuote < 0) return -1;
                    i = endQuote + 1;
                }
                else
                {
                    while (j < html.Length && !IsSpace(html[j]) && html[j] != '>') j++;
                    i = j;
                }
            }
            if (count < MaxAttributesPerTag && start < nameStart && IsUnread(html.AsSpan(nameStart, nameEnd - nameStart)))
                output.Skip(start, i);
        }
        return -1;
    }

    /// <summary>Attributes no rule reads: <c>data-*</c>, <c>srcset</c>, <c>sizes</c>, and event handlers.</summary>
    private static bool IsUnread(ReadOnlySpan<char> name) =>
        name.StartsWith("data-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("srcset", StringComparison.OrdinalIgnoreCase)
        || name.Equals("sizes", StringComparison.OrdinalIgnoreCase)
        || name.Length > 4 && name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            && char.IsAsciiLetterLower(char.ToLowerInvariant(name[2]))
           && !name.Equals("online", StringComparison.OrdinalIgnoreCase);

    /// <summary>"script", "style" or "svg" when a start tag of that name begins at <paramref name="at"/>.</summary>
    private static string? RawTextName(string html, int at)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style", "svg"])
        {
            if (at + name.Length >= html.Length) continue;
            if (!html.AsSpan(at, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)) continue;
            var after = html[at + name.Length];
            if (after is '>' or '/' || IsSpace(after)) return name;
        }
        return null;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

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

    /// <summary>The page with some ranges left out, built only once something is left out.</summary>
    private sealed class Output(string html)
    {
        private StringBuilder? builder;
        private int copiedUpTo;

        public void Skip(int from, int to)
        {
            if (from < copiedUpTo || to <= from) return;
            builder ??= new StringBuilder(html.Length / 2);
            builder.Append(html, copiedUpTo, from - copiedUpTo);
            copiedUpTo = to;
        }

        public string Finish()
        {
            if (builder is null) return html;
            builder.Append(html, copiedUpTo, html.Length - copiedUpTo);
            return builder.ToString();
        }
    }
}
