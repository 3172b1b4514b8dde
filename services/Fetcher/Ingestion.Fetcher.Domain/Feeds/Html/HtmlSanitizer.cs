using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Ingestion.Fetcher.Domain;

/// <summary>
/// Reduces feed HTML to a safe subset: an allow-list of elements and attributes; script, style, iframe, object,
/// embed, form controls and the like removed with their content; unknown elements unwrapped (their text kept);
/// no event handlers, no style attributes, no javascript:/data:/vbscript: URLs; relative URLs resolved.
/// </summary>
public static class HtmlSanitizer
{
    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br", "caption",
        "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "dir", "div", "dl", "dt", "em",
        "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins",
        "kbd", "label", "li", "main", "mark", "menu", "nav", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr", "audio", "video", "track",
    };

    /// <summary>Removed together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "param", "noscript",
        "template", "head", "title", "meta", "link", "base", "basefont", "form", "input", "button", "select", "option",
        "textarea", "svg", "math", "canvas", "dialog", "xml", "isindex", "keygen", "plaintext", "xmp", "portal",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "br", "hr", "img", "col", "source", "track", "wbr", "area",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "colspan", "rowspan", "lang", "dir",
        "align", "valign", "summary", "abbr", "scope", "headers", "start", "reversed", "type", "value", "controls",
        "poster", "srcset", "sizes", "media", "name", "rel", "hreflang", "border", "cellpadding", "cellspacing", "span",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "cite", "poster" };

    /// <summary>Sanitized HTML for <paramref name="html"/>, or null when nothing is left.</summary>
    public static string? Sanitize(string? html, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return EncodeText(html.Trim());

        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html);
        var sb = new StringBuilder(html.Length);
        if (document.Body is { } body)
        {
            foreach (var child in body.ChildNodes) Write(child, sb, baseUri);
        }
        var result = sb.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>HTML for plain text: only &amp;, &lt; and &gt; are escaped.</summary>
    public static string EncodeText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void Write(INode node, StringBuilder sb, Uri? baseUri)
    {
        switch (node)
        {
            case IText text:
                sb.Append(EncodeText(text.Data));
                return;
            case IElement element:
                var name = element.LocalName.ToLowerInvariant();
                if (DroppedWithContent.Contains(name)) return;
                if (!AllowedElements.Contains(name))
                {
                    foreach (var child in element.ChildNodes) Write(child, sb, baseUri);
                    return;
                }
                sb.Append('<').Append(name);
                foreach (var attribute in element.Attributes)
                {
                    var attrName = attribute.LocalName.ToLowerInvariant();
                    if (!AllowedAttributes.Contains(attrName)) continue;
                    var value = attribute.Value;
                    if (UrlAttributes.Contains(attrName))
                    {
                        value = SafeUrl(value, baseUri);
                        if (value is null) continue;
                    }
                    else if (attrName == "srcset")
                    {
                        if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)) continue;
                    }
                    sb.Append(' ').Append(attrName).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
                }
                if (VoidElements.Contains(name))
                {
                    sb.Append(" />");
                    return;
                }
                sb.Append('>');
                foreach (var child in element.ChildNodes) Write(child, sb, baseUri);
                sb.Append("</").Append(name).Append('>');
                return;
        }
    }

    /// <summary>An http(s), mailto, fragment or relative URL resolved against the base; null for anything else.</summary>
    internal static string? SafeUrl(string value, Uri? baseUri)
    {
        var v = new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (v.Length == 0) return null;
        if (v.StartsWith('#')) return v;
        if (XmlBase.IsAbsolute(v))
        {
            var scheme = v[..v.IndexOf(':')].ToLowerInvariant();
            return scheme is "http" or "https" or "mailto" or "ftp" ? v : null;
        }
        if (LooksLikeScheme(v)) return null; // "java script:", "&#106;avascript:" and other obfuscated schemes
        return XmlBase.Resolve(v, baseUri);
    }

    private static bool LooksLikeScheme(string v)
    {
        var colon = v.IndexOf(':');
        var slash = v.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
