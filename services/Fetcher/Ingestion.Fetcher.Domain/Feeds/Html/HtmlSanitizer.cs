using System.Net;
using System.Text;
using AngleSharp.Dom;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds.Html;

/// <summary>
/// Reduces feed HTML to a safe subset: an allow-list of elements and attributes; script, style, applet and the like
/// removed with their content; iframe/noembed/noframes (whose content HTML reads as text) replaced by their content
/// sanitized in turn; object, form and unknown elements unwrapped (their content kept); SVG and MathML kept through
/// their own allow-lists (no script, foreignObject, animation or event attribute); no event handlers, no style
/// attributes, no javascript:/data:/vbscript: URLs; relative URLs resolved. All text and attribute values are
/// written entity-encoded, so no markup can appear in the output that is not an allowed element.
/// </summary>
public static partial class HtmlSanitizer
{
    /// <summary>One parser per thread: building one costs more than parsing a summary.</summary>
    [ThreadStatic]
    private static HtmlParser? parser;

    private static HtmlParser Parser => parser ??= new HtmlParser();

    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string MathNamespace = "http://www.w3.org/1998/Math/MathML";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    /// <summary>How deep the text of an iframe (read again as HTML) may nest.</summary>
    private const int MaxRawTextDepth = 2;

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "address", "area", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid", "datalist", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source", "eventsource", "fieldset",
        "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins",
        "kbd", "keygen", "label", "legend", "li", "m", "main", "map", "mark", "menu", "meter", "multicol", "nav",
        "nextid", "noscript", "ol", "optgroup", "option", "output", "p", "picture", "pre", "progress", "q", "rp", "rt",
        "ruby", "s", "samp", "section", "small", "sound", "source", "spacer", "span", "strike", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
        "audio", "video", "track",
    };

    /// <summary>Removed together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.Ordinal)
    {
        "script", "style", "frame", "frameset", "embed", "applet", "param", "template", "head", "title", "meta", "link",
        "base", "basefont", "input", "xml", "isindex", "plaintext", "xmp", "portal",
    };

    /// <summary>Elements whose content HTML parsers read as plain text: that text is sanitized as HTML in turn.</summary>
    private static readonly HashSet<string> RawTextContainers = new(StringComparer.Ordinal) { "iframe", "noembed", "noframes" };

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "br", "hr", "img", "col", "source", "track", "wbr", "area", "keygen", "spacer", "sound", "nextid",
    };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "colspan", "rowspan", "lang", "dir",
        "align", "valign", "summary", "abbr", "scope", "headers", "start", "reversed", "type", "value", "controls",
        "poster", "srcset", "sizes", "media", "name", "rel", "hreflang", "border", "cellpadding", "cellspacing", "span",
        "shape", "coords", "nohref", "label", "min", "max", "low", "high", "optimum", "open", "for", "char", "charoff",
        "clear", "color", "face", "size", "noshade", "nowrap", "compact", "loop", "preload", "kind", "srclang",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.Ordinal) { "href", "src", "cite", "poster" };

    /// <summary>SVG elements kept: shapes, text, gradients, grouping, links. No script, foreignObject (HTML inside),
    /// use (external references), animate/set (they can rewrite an href).</summary>
    private static readonly HashSet<string> SvgElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "desc", "title", "metadata", "circle", "ellipse", "line", "path", "polygon", "polyline", "rect",
        "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "marker", "symbol", "switch", "a",
        "clipPath", "mask", "pattern", "font-face", "font-face-name", "font-face-src", "glyph", "hkern", "missing-glyph",
    };

    private static readonly HashSet<string> SvgAttributes = new(StringComparer.Ordinal)
    {
        "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "width", "height", "d", "points",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "transform", "viewBox",
        "preserveAspectRatio", "version", "baseProfile", "font-family", "font-size", "font-weight", "font-style",
        "text-anchor", "dx", "dy", "rotate", "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
        "spreadMethod", "pathLength", "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "refX",
        "refY", "orient", "clip-path", "clip-rule", "mask", "patternUnits", "patternTransform", "visibility", "display",
        "color", "xml:space", "xml:lang", "lang", "textLength", "lengthAdjust", "startOffset", "dominant-baseline",
        "alignment-baseline", "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "unicode", "glyph-name",
        "horiz-adv-x", "units-per-em", "ascent", "descent", "u1", "u2", "k", "g1", "g2", "xlink:type", "xlink:show",
        "xlink:title", "href", "xlink:href",
    };

    /// <summary>MathML presentation markup. No annotation-xml (it can hold HTML), no href (MathML 3 allows it anywhere).</summary>
    private static readonly HashSet<string> MathElements = new(StringComparer.Ordinal)
    {
        "math", "mi", "mn", "mo", "ms", "mtext", "mspace", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror",
        "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover",
        "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr", "maligngroup", "malignmark",
        "semantics", "annotation", "mglyph",
    };

    private static readonly HashSet<string> MathAttributes = new(StringComparer.Ordinal)
    {
        "display", "displaystyle", "mathvariant", "mathsize", "mathcolor", "mathbackground", "fence", "separator",
        "separators", "stretchy", "symmetric", "largeop", "movablelimits", "accent", "accentunder", "lspace", "rspace",
        "linethickness", "columnalign", "rowalign", "columnspan", "rowspan", "columnlines", "rowlines", "frame",
        "open", "close", "notation", "scriptlevel", "width", "height", "depth", "align", "encoding", "voffset",
        "minsize", "maxsize", "form", "bevelled", "numalign", "denomalign", "xml:lang", "lang", "dir",
    };

    [GeneratedRegex(@"url\s*\(\s*(?!['""]?#)|expression\s*\(|javascript\s*:|vbscript\s*:|data\s*:|[<>]", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeForeignValue();

    [GeneratedRegex(@"<img\b[^>]*?\ssrc=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"<\s*/?\s*(?:td|th|tr|tbody|thead|tfoot|caption|col|colgroup)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TablePart();

    [GeneratedRegex(@"<\s*table\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableStart();

    /// <summary>Sanitized HTML for <paramref name="html"/>, or null when nothing is left.</summary>
    public static string? Sanitize(string? html, Uri? baseUri = null) => Sanitize(html, baseUri, 0);

    private static string? Sanitize(string? html, Uri? baseUri, int depth)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0) return EncodeText(depth == 0 ? html.Trim() : html);

        // Table parts without their table (a lone <td>, <tr>…</tr>) are dropped by an HTML parser in body context;
        // read them inside a table so that they survive.
        var wrapped = TablePart().IsMatch(html) && !TableStart().IsMatch(html);
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + (wrapped ? "<table>" + html + "</table>" : html));
        var sb = new StringBuilder(html.Length);
        if (document.Body is { } body)
        {
            foreach (var child in body.ChildNodes)
            {
                if (wrapped && child is IElement { LocalName: "table" } table)
                {
                    // The table we added: write what the parser put into it, not the table itself.
                    foreach (var part in table.ChildNodes) Write(part, sb, baseUri, depth);
                    continue;
                }
                Write(child, sb, baseUri, depth);
            }
        }
        // The text of an iframe goes back where the iframe was: its spaces count.
        var result = depth == 0 ? sb.ToString().Trim() : sb.ToString();
        return result.Trim().Length == 0 ? null : result;
    }

    /// <summary>HTML for plain text: only &amp;, &lt; and &gt; are escaped.</summary>
    public static string EncodeText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;",
            StringComparison.Ordinal);

    /// <summary>The src of the first image in HTML this class produced, or null.</summary>
    public static string? FirstImage(string? sanitizedHtml)
    {
        if (sanitizedHtml is null || sanitizedHtml.IndexOf("<img", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var m = ImageSource().Match(sanitizedHtml);
        if (!m.Success) return null;
        var src = WebUtility.HtmlDecode(m.Groups[1].Value);
        return src.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? src : null;
    }

    private static void Write(INode node, StringBuilder sb, Uri? baseUri, int depth)
    {
        switch (node)
        {
            case IText text:
                sb.Append(EncodeText(text.Data));
                return;
            case IElement element when element.NamespaceUri is SvgNamespace or MathNamespace:
                WriteForeign(element, sb, baseUri);
                return;
            case IElement element:
                var name = element.LocalName.ToLowerInvariant();
                if (DroppedWithContent.Contains(name)) return;
                if (RawTextContainers.Contains(name))
                {
                    if (depth < MaxRawTextDepth && Sanitize(element.TextContent, baseUri, depth + 1) is { } inner) sb.Append(inner);
                    return;
                }
                if (!AllowedElements.Contains(name))
                {
                    foreach (var child in element.ChildNodes) Write(child, sb, baseUri, depth);
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
                        if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)
                            || value.Contains("data:", StringComparison.OrdinalIgnoreCase)) continue;
                    }
                    sb.Append(' ').Append(attrName).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
                }
                if (VoidElements.Contains(name))
                {
                    sb.Append(" />");
                    return;
                }
                sb.Append('>');
                foreach (var child in element.ChildNodes) Write(child, sb, baseUri, depth);
                sb.Append("</").Append(name).Append('>');
                return;
        }
    }

    /// <summary>An SVG or MathML element through its allow-list; anything not allowed is dropped with its content.</summary>
    private static void WriteForeign(IElement element, StringBuilder sb, Uri? baseUri)
    {
        var isSvg = element.NamespaceUri == SvgNamespace;
        var name = element.LocalName;
        if (!(isSvg ? SvgElements : MathElements).Contains(name)) return;
        var attributes = isSvg ? SvgAttributes : MathAttributes;
        sb.Append('<').Append(name);
        foreach (var attribute in element.Attributes)
        {
            var attrName = attribute.NamespaceUri == XlinkNamespace ? "xlink:" + attribute.LocalName : attribute.Name;
            if (!attributes.Contains(attrName)) continue;
            var value = attribute.Value;
            if (attrName is "href" or "xlink:href")
            {
                if (name != "a") continue;
                value = SafeUrl(value, baseUri);
                if (value is null) continue;
            }
            else if (UnsafeForeignValue().IsMatch(value))
            {
                continue;
            }
            sb.Append(' ').Append(attrName).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }
        sb.Append('>');
        // Text and SVG/MathML children as anywhere; HTML inside SVG or MathML (desc, mtext: integration points) goes
        // through the HTML allow-list. As all text is written encoded, however a browser nests it, no element can appear
        // that we did not write.
        foreach (var child in element.ChildNodes) Write(child, sb, baseUri, MaxRawTextDepth);
        sb.Append("</").Append(name).Append('>');
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
