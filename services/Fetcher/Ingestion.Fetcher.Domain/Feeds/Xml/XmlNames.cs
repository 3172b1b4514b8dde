using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>Namespace URIs of the feed formats and the extension modules we read.</summary>
internal static class XmlNames
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Dc10 = "http://purl.org/dc/elements/1.0/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public const string Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string News = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string Image = "http://www.google.com/schemas/sitemap-image/1.1";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Wfw = "http://wellformedweb.org/CommentAPI/";
    public const string CreativeCommons = "http://backend.userland.com/creativeCommonsRssModule";
    public const string Cc = "http://web.resource.org/cc/";
    public const string Thread = "http://purl.org/syndication/thread/1.0";

    public static readonly XName XmlBase = XNamespace.Xml + "base";
    public static readonly XName XmlLang = XNamespace.Xml + "lang";

    /// <summary>Namespaces RSS's own elements appear in (none, RSS 1.0, RSS 0.90, and the ones Userland and Harvard once set as
    /// default).</summary>
    public static readonly HashSet<string> RssCore =
    [
        "", Rss10, Rss090, "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
        "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#", "http://channel.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2.1",
    ];

    public static readonly HashSet<string> DcAll = [Dc, Dc10, DcTerms];

    /// <summary>Yahoo's media RSS appears under a few namespace spellings.</summary>
    public static readonly HashSet<string> MediaAll = [Media, "http://search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss/"];

    /// <summary>Prefixes by namespace, as feedparser and gofeed name them (their keys use these, whatever prefix a
    /// document declared).</summary>
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["http://webns.net/mvcb/"] = "admin",
        ["http://purl.org/rss/1.0/modules/aggregation/"] = "ag",
        ["http://purl.org/rss/1.0/modules/annotate/"] = "annotate",
        ["http://media.tangent.org/rss/1.0/"] = "audio",
        ["http://backend.userland.com/blogChannelModule"] = "blogChannel",
        [Cc] = "cc",
        [CreativeCommons] = "creativeCommons",
        ["http://purl.org/rss/1.0/modules/company"] = "co",
        [Content] = "content",
        ["http://my.theinfo.org/changed/1.0/rss/"] = "cp",
        [Dc] = "dc",
        [Dc10] = "dc",
        [DcTerms] = "dcterms",
        ["http://purl.org/rss/1.0/modules/email/"] = "email",
        ["http://purl.org/rss/1.0/modules/event/"] = "ev",
        ["http://rssnamespace.org/feedburner/ext/1.0"] = "feedburner",
        ["http://freshmeat.net/rss/fm/"] = "fm",
        ["http://xmlns.com/foaf/0.1/"] = "foaf",
        ["http://www.w3.org/2003/01/geo/wgs84_pos#"] = "geo",
        ["http://www.georss.org/georss"] = "georss",
        ["http://www.opengis.net/gml"] = "gml",
        ["http://postneo.com/icbm/"] = "icbm",
        ["http://purl.org/rss/1.0/modules/image/"] = "image",
        [ITunes] = "itunes",
        ["http://purl.org/rss/1.0/modules/link/"] = "l",
        [Media] = "media",
        ["http://madskills.com/public/xml/rss/module/pingback/"] = "pingback",
        ["http://prismstandard.org/namespaces/1.2/basic/"] = "prism",
        [Rdf] = "rdf",
        ["http://www.w3.org/2000/01/rdf-schema#"] = "rdfs",
        ["http://purl.org/rss/1.0/modules/reference/"] = "ref",
        ["http://purl.org/rss/1.0/modules/richequiv/"] = "reqv",
        ["http://purl.org/rss/1.0/modules/search/"] = "search",
        ["http://purl.org/rss/1.0/modules/slash/"] = "slash",
        ["http://schemas.xmlsoap.org/soap/envelope/"] = "soap",
        ["http://purl.org/rss/1.0/modules/servicestatus/"] = "ss",
        ["http://hacks.benhammersley.com/rss/streaming/"] = "str",
        ["http://purl.org/rss/1.0/modules/subscription/"] = "sub",
        [Syndication] = "sy",
        ["http://schemas.pocketsoap.com/rss/myDescModule/"] = "szf",
        ["http://purl.org/rss/1.0/modules/taxonomy/"] = "taxo",
        ["http://purl.org/rss/1.0/modules/threading/"] = "thr",
        [Thread] = "thr",
        ["http://madskills.com/public/xml/rss/module/trackback/"] = "trackback",
        [Wfw] = "wfw",
        ["http://purl.org/rss/1.0/modules/wiki/"] = "wiki",
        [Xhtml] = "xhtml",
        ["http://www.w3.org/1999/xlink"] = "xlink",
        ["http://www.w3.org/XML/1998/namespace"] = "xml",
        [Atom10] = "atom",
        [Atom03] = "atom03",
        [Sitemap] = "sitemap",
        [News] = "news",
        [Image] = "image",
        ["http://podlove.org/simple-chapters"] = "psc",
        ["http://www.google.com/schemas/play-podcasts/1.0"] = "googleplay",
        ["https://podcastindex.org/namespace/1.0"] = "podcast",
    };

    /// <summary>Well-known namespaces by their lower-cased, trimmed spelling, for documents that write them with other
    /// capitals, surrounding spaces or without the trailing slash.</summary>
    private static readonly Dictionary<string, string> Spellings = BuildSpellings();

    private static Dictionary<string, string> BuildSpellings()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ns in Prefixes.Keys)
        {
            d.TryAdd(ns.ToLowerInvariant(), ns);
            if (ns.EndsWith('/')) d.TryAdd(ns[..^1].ToLowerInvariant(), ns);
        }
        foreach (var media in MediaAll) d[media.ToLowerInvariant()] = Media;
        d["http://example.com/dtds/podcast-1.0.dtd"] = ITunes;
        return d;
    }

    /// <summary>The usual prefix of a namespace (<c>dc</c>, <c>itunes</c>, ...), or null when it is not a well-known one.</summary>
    public static string? CanonicalPrefix(string ns) => Prefixes.GetValueOrDefault(ns);

    /// <summary>The canonical spelling of a well-known namespace written with other capitals, spaces or without its
    /// trailing slash; null when <paramref name="ns"/> is already canonical or not a well-known one.</summary>
    public static string? CanonicalSpelling(string ns)
    {
        if (ns.Length == 0 || Prefixes.ContainsKey(ns) || RssCore.Contains(ns)) return null;
        return Spellings.TryGetValue(ns.Trim().ToLowerInvariant(), out var canonical) && canonical != ns ? canonical : null;
    }
}
