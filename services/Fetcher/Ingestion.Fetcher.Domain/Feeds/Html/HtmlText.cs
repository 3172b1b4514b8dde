using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingestion.Fetcher.Domain.Feeds.Html;

/// <summary>Plain text from HTML: tags dropped (script and style with their content), entities decoded, whitespace collapsed.</summary>
public static class HtmlText
{
    /// <summary>One parser per thread: building one costs more than parsing a summary.</summary>
    [ThreadStatic]
    private static HtmlParser? parser;

    private static HtmlParser Parser => parser ??= new HtmlParser();

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "noscript", "template", "head" };

    /// <summary>Elements whose content an HTML parser keeps as raw text: that text is read as HTML in turn (as the
    /// sanitizer does), so that "&lt;b&gt;" inside an iframe does not become part of a title.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal) { "iframe", "noembed", "noframes", "xmp" };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "pre",
        "section", "article", "header", "footer", "figure", "figcaption", "table", "dd", "dt", "hr",
    };

    /// <summary>The text of <paramref name="html"/>, on one line; null when empty.</summary>
    public static string? ToPlainText(string? html) => ToPlainText(html, 0);

    private static string? ToPlainText(string? html, int depth)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        string raw;
        if (html.IndexOf('<') < 0)
        {
            raw = html.IndexOf('&') < 0 ? html : WebUtility.HtmlDecode(html);
        }
        else
        {
            var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html);
            var sb = new StringBuilder(html.Length);
            if (document.Body is { } body) Append(body, sb, depth);
            raw = sb.ToString();
        }
        var text = Collapse(raw);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void Append(INode node, StringBuilder sb, int depth)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    sb.Append(t.Data);
                    break;
                case IElement e:
                    var name = e.LocalName.ToLowerInvariant();
                    if (Skipped.Contains(name)) break;
                    if (RawText.Contains(name))
                    {
                        if (depth < 2 && ToPlainText(e.TextContent, depth + 1) is { } inner) sb.Append(' ').Append(inner).Append(' ');
                        break;
                    }
                    var block = Blocks.Contains(name);
                    if (block) sb.Append(' ');
                    Append(e, sb, depth);
                    if (block) sb.Append(' ');
                    break;
            }
        }
    }
}
