using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain;

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
            if (lang is not null) return string.IsNullOrWhiteSpace(lang) ? null : lang.Trim();
        }
        return null;
    }

    /// <summary>The element's content as markup: its child nodes serialised when it has child elements (naked XHTML),
    /// otherwise its text.</summary>
    public static string InnerMarkup(this XElement e) =>
        e.HasElements ? string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : e.Value;
}
