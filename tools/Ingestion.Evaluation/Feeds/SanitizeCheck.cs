using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Feeds.Html;

namespace Ingestion.Evaluation.Feeds;

/// <summary>feedparser's sanitize cases judged for safety rather than its exact strings: no script, event handler,
/// <c>javascript:</c>/<c>vbscript:</c> URL or CSS expression survives in any HTML we emit, and the harmless
/// elements feedparser keeps are kept by us too.</summary>
public static partial class SanitizeCheck
{
    [GeneratedRegex(@"<\s*script|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|expression\s*\(|<\s*(iframe|object|embed|applet|meta|link|base|"
        + @"form|frame)\b|-moz-binding|behavior\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"<\s*([a-zA-Z][a-zA-Z0-9]*)")]
    private static partial Regex OpenTag();

    /// <summary>Elements we drop on purpose even where feedparser keeps them (active or embedding content).</summary>
    private static readonly HashSet<string> NeverKept = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "object", "embed", "applet", "form", "input", "button", "select", "textarea", "meta", "link", "base",
            "frame", "frameset",
    };

    public static string? Check(ParsedFeed feed, JsonElement asserts)
    {
        // Every text field we emit: HTML ones as they are, plain-text ones as the HTML that shows that text.
        var emitted = new List<string>();
        void Plain(string? text)
        {
            if (text is not null) emitted.Add(HtmlSanitizer.EncodeText(text));
        }
        foreach (var item in feed.Items)
        {
            if (item.Info.Summary is { } s) emitted.Add(s);
            if (item.ContentHtml is { } c) emitted.Add(c);
            Plain(item.Info.Title);
            Plain(item.Rights);
        }
        Plain(feed.Title);
        Plain(feed.Subtitle);
        Plain(feed.Rights);
        if (feed.InfoHtml is { } info) emitted.Add(info);
        foreach (var html in emitted)
        {
            var m = Unsafe().Match(html);
            if (m.Success) return $"unsafe markup survived: '{m.Value}' in {Short(html)}";
        }

        var all = string.Join("\n", emitted).ToLowerInvariant();
        foreach (var a in asserts.EnumerateArray())
        {
            if (a.GetProperty("op").GetString() != "==" || !a.TryGetProperty("literal", out var lit)
                || lit.ValueKind != JsonValueKind.String) continue;
            // Titles are plain text in our model: only summaries and contents must keep harmless markup.
            var isHtmlField = a.GetProperty("path").ValueKind == JsonValueKind.Array
                              && a.GetProperty("path").EnumerateArray().Any(p => p.ValueKind == JsonValueKind.String
                                  && p.GetString() is "summary" or "description" or "content" or "info");
            foreach (Match tag in OpenTag().Matches(lit.GetString()!))
            {
                var name = tag.Groups[1].Value.ToLowerInvariant();
                if (!isHtmlField || NeverKept.Contains(name)) continue;
                if (!all.Contains("<"
                    + name, StringComparison.Ordinal)) return $"harmless <{name}> was dropped (ours: {Short(string.Join(" ", emitted))})";
            }
            var text = TextCompare.Plain(lit.GetString());
            if (text.Length > 0 && !TextCompare.Plain(string.Join(" ", emitted)).Contains(text, StringComparison.Ordinal))
                return $"text '{Short(text)}' lost";
        }
        return null;
    }

    private static string Short(string s) => s.Length > 100 ? s[..100] + "…" : s;
}
