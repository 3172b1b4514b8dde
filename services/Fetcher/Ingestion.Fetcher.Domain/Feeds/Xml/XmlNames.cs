using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain;

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

    public static readonly XName XmlBase = XNamespace.Xml + "base";
    public static readonly XName XmlLang = XNamespace.Xml + "lang";

    /// <summary>Namespaces RSS's own elements appear in (none, RSS 1.0, RSS 0.90, and the ones Userland and Harvard once set as default).</summary>
    public static readonly HashSet<string> RssCore =
    [
        "", Rss10, Rss090, "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
        "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#", "http://channel.netscape.com/rdf/simple/0.9/",
    ];

    public static readonly HashSet<string> DcAll = [Dc, Dc10, DcTerms];

    /// <summary>Yahoo's media RSS appears under a few namespace spellings.</summary>
    public static readonly HashSet<string> MediaAll = [Media, "http://search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss/"];
}
