using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>Namespace-tolerant child lookups over LINQ to XML.</summary>
internal static class XmlQuery
{
    public static IEnumerable<XElement> Children(this XElement parent, string localName, HashSet<string> namespaces) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && namespaces.Contains(e.Name.NamespaceName));

    public static IEnumerable<XElement> Children(this XElement parent, string localName, string ns) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && e.Name.NamespaceName == ns);

    public static XElement? Child(this XElement parent, string localName, HashSet<string> namespaces) =>
        parent.Children(localName, namespaces).FirstOrDefault();

    public static XElement? Child(this XElement parent, string localName, string ns) =>
        parent.Children(localName, ns).FirstOrDefault();

    /// <summary>Children with this local name in any namespace.</summary>
    public static IEnumerable<XElement> AnyNs(this XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The trimmed text of the first matching child, or null when absent or blank.</summary>
    public static string? ChildText(this XElement parent, string localName, HashSet<string> namespaces) =>
        parent.Children(localName, namespaces).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);

    public static string? ChildText(this XElement parent, string localName, string ns) =>
        parent.Children(localName, ns).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);

    public static string? Attr(this XElement e, string name)
    {
        var v = e.Attribute(name)?.Value;
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    /// <summary>The xml:lang in scope at <paramref name="e"/>.</summary>
    public static string? LangInScope(this XElement? e)
    {
        for (; e is not null; e = e.Parent)
        {
            var lang = e.Attribute(XmlNames.XmlLang)?.Value;
            if (lang is not null) return NormalizeLanguage(lang);
        }
        return null;
    }

    /// <summary>The language in effect at <paramref name="e"/>: the nearest xml:lang (an empty one means "none"),
    /// else <paramref name="fallback"/>; <c>en_US</c> is read as <c>en-US</c>.</summary>
    public static string? LangOf(this XElement? e, string? fallback)
    {
        for (; e is not null; e = e.Parent)
        {
            var lang = e.Attribute(XmlNames.XmlLang)?.Value;
            if (lang is not null) return NormalizeLanguage(lang);
        }
        return fallback;
    }

    /// <summary>A language tag trimmed, with <c>_</c> read as <c>-</c>; null when blank.</summary>
    public static string? NormalizeLanguage(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        return lang.Trim().Replace('_', '-');
    }

    /// <summary>The element's content as markup: its child nodes written as HTML when it has child elements (naked
    /// XHTML), otherwise its text.</summary>
    public static string InnerMarkup(this XElement e) => e.HasElements ? XhtmlAsHtml(e.Nodes()) : e.Value;

    private static readonly HashSet<string> HtmlVoid = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>XML nodes (XHTML, inline SVG or MathML) written as HTML source: elements by their local names (an HTML
    /// parser puts svg and math content in its namespace by itself), xlink/xml attributes with their usual prefixes,
    /// text and attribute values entity-encoded, comments and processing instructions left out.</summary>
    public static string XhtmlAsHtml(IEnumerable<XNode> nodes)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var n in nodes) Write(n, sb);
        return sb.ToString();

        static void Write(XNode node, System.Text.StringBuilder sb)
        {
            switch (node)
            {
                case XText t:
                    sb.Append(System.Net.WebUtility.HtmlEncode(t.Value));
                    break;
                case XElement e:
                    var name = e.Name.LocalName;
                    sb.Append('<').Append(name);
                    foreach (var a in e.Attributes())
                    {
                        if (a.IsNamespaceDeclaration) continue;
                        var ns = a.Name.NamespaceName;
                        var attrName = ns switch
                        {
                            "" => a.Name.LocalName,
                            "http://www.w3.org/1999/xlink" => "xlink:" + a.Name.LocalName,
                            "http://www.w3.org/XML/1998/namespace" => "xml:" + a.Name.LocalName,
                            _ => null,
                        };
                        if (attrName is null) continue;
                        sb.Append(' ').Append(attrName).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(a.Value)).Append('"');
                    }
                    if (!e.Nodes().Any() && (HtmlVoid.Contains(name) || e.Name.NamespaceName is not ("" or XmlNames.Xhtml)))
                    {
                        sb.Append(" />");
                        break;
                    }
                    sb.Append('>');
                    foreach (var child in e.Nodes()) Write(child, sb);
                    sb.Append("</").Append(name).Append('>');
                    break;
            }
        }
    }
}
