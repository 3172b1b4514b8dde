using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>Builds <see cref="ParsedFeed.Extensions"/> / <see cref="ParsedItem.Extensions"/>: the child elements of a
/// feed, channel or item that belong to another namespace than the format's own, kept as written.</summary>
public static class FeedExtensions
{
    /// <summary>No extension elements.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> None =
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>>();

    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>> NoChildren =
        new Dictionary<string, IReadOnlyList<FeedExtension>>();

    /// <summary>Bounds on what one element may contribute, so a hostile feed cannot make the map huge.</summary>
    private const int MaxDepth = 8;

    /// <summary>The extension map of <paramref name="parent"/>'s children: those whose namespace is not one of
    /// <paramref name="core"/> go under their prefix; those in a core namespace whose local name is not in
    /// <paramref name="knownCore"/> (unknown elements of the format itself) go under <c>""</c> when
    /// <paramref name="knownCore"/> is given.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> Of(
        XElement parent, HashSet<string> core, HashSet<string>? knownCore)
    {
        Dictionary<string, Dictionary<string, List<FeedExtension>>>? map = null;
        foreach (var child in parent.Elements())
        {
            var ns = child.Name.NamespaceName;
            string prefix;
            if (core.Contains(ns))
            {
                if (knownCore is null || knownCore.Contains(child.Name.LocalName)) continue;
                prefix = "";
            }
            else
            {
                prefix = PrefixOf(child);
            }
            map ??= new Dictionary<string, Dictionary<string, List<FeedExtension>>>(StringComparer.Ordinal);
            if (!map.TryGetValue(prefix,
                out var byName)) map[prefix] = byName = new Dictionary<string, List<FeedExtension>>(StringComparer.Ordinal);
            if (!byName.TryGetValue(child.Name.LocalName, out var list)) byName[child.Name.LocalName] = list = [];
            list.Add(Element(child, 0));
        }
        if (map is null) return None;
        return map.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>)p.Value.ToDictionary(
            q => q.Key, q => (IReadOnlyList<FeedExtension>)q.Value.ToArray(), StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The well-known prefix of the element's namespace (dc, itunes, media, ...), else the prefix the document
    /// declared for it, else the namespace URI itself.</summary>
    internal static string PrefixOf(XElement e)
    {
        var ns = e.Name.NamespaceName;
        if (XmlNames.CanonicalPrefix(ns) is { } known) return known;
        var declared = e.GetPrefixOfNamespace(e.Name.Namespace);
        return string.IsNullOrEmpty(declared) ? ns : declared;
    }

    private static FeedExtension Element(XElement e, int depth)
    {
        var text = string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        IReadOnlyDictionary<string, string> attributes = NoAttributes;
        if (e.HasAttributes)
        {
            var a = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attribute in e.Attributes())
            {
                if (attribute.IsNamespaceDeclaration) continue;
                a.TryAdd(attribute.Name.LocalName, attribute.Value);
            }
            if (a.Count > 0) attributes = a;
        }
        IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>> children = NoChildren;
        if (e.HasElements && depth < MaxDepth)
        {
            children = e.Elements().GroupBy(c => c.Name.LocalName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g =>
                    (IReadOnlyList<FeedExtension>)g.Select(c => Element(c, depth + 1)).ToArray(), StringComparer.Ordinal);
        }
        return new FeedExtension(e.Name.LocalName, text, attributes, children);
    }
}
