using System.Net.Http.Headers;
using Ingestion.Fetcher.Domain.Feeds.Atom;
using Ingestion.Fetcher.Domain.Feeds.Json;
using Ingestion.Fetcher.Domain.Feeds.Rss;
using Ingestion.Fetcher.Domain.Feeds.Sitemaps;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>
/// Reads any feed or sitemap we support: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, XML sitemaps and
/// sitemap indexes, plain-text sitemaps; gzip-compressed bodies are recognised by their magic bytes.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses a feed body.</summary>
    /// <param name="body">The bytes as received (gzip allowed).</param>
    /// <param name="contentType">The HTTP Content-Type (a full header value with parameters is fine), or null.</param>
    /// <param name="charset">The charset the server declared, or null (then the Content-Type's charset parameter is used).</param>
    /// <param name="baseUrl">The URL the feed was fetched from: relative links are resolved against it.</param>
    /// <param name="contentLanguage">The HTTP Content-Language, or null: the language of a document that declares none.</param>
    /// <exception cref="FeedFormatException">Malformed, unknown format, a DTD, or over the decompression limit.</exception>
    public static ParsedFeed Parse(byte[] body, string? contentType, string? charset, string? baseUrl, string? contentLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0) throw new FeedFormatException("Empty body: not a feed.");
        var bytes = FeedBody.Decompress(body);
        if (bytes.Length == 0) throw new FeedFormatException("Empty body after decompression: not a feed.");

        charset ??= CharsetOf(contentType);
        var decoded = FeedEncoding.Decode(bytes, charset);
        var text = decoded.Text;
        var repairs = new List<string>();
        if (decoded.FellBack) repairs.Add($"body was not valid UTF-8; decoded as {decoded.Encoding.WebName}");
        var documentBase = XmlBase.ToBaseUri(baseUrl);

        var first = FirstSignificant(text);
        ParsedFeed feed;
        if (first is '{' || (first is '[' && IsJsonType(contentType)))
        {
            feed = JsonFeedParser.Parse(text, documentBase, contentLanguage);
        }
        else if (first == '<')
        {
            var document = SafeXml.Load(text, repairs);
            var root = document.Root ?? throw new FeedFormatException("Malformed XML: no root element.");
            if (decoded.Encoding.CodePage == 65001 && Mojibake.Repair(document) is var fixedNodes and > 0)
                repairs.Add($"repaired double-encoded UTF-8 in {fixedNodes} text node(s)");
            if (Mojibake.ReplaceC1Controls(document) is var c1 and > 0)
                repairs.Add($"read C1 control characters as windows-1252 in {c1} value(s)");
            NormalizeNamespaces(document);
            root = document.Root!;
            feed = root.Name.LocalName switch
            {
                "rss" or "RDF" or "channel" => RssParser.Parse(root, documentBase, IsNetscape(text), contentLanguage),
                "feed" => AtomParser.Parse(root, documentBase, contentLanguage),
                "urlset" => SitemapParser.ParseUrlset(root, documentBase),
                "sitemapindex" => SitemapParser.ParseIndex(root, documentBase),
                "html" or "HTML" => throw new FeedFormatException("Not a feed: an HTML page (root element <html>)."),
                _ => throw new FeedFormatException($"Not a feed: unknown root element <{root.Name.LocalName}> in namespace '{root.Name.NamespaceName}'."),
            };
        }
        else if (TextSitemapParser.TryParse(text, out var textSitemap))
        {
            feed = textSitemap;
        }
        else
        {
            throw new FeedFormatException("Not a feed: the body is neither XML, JSON nor a list of URLs.");
        }
        return feed with { Encoding = decoded.Encoding.WebName, Repairs = repairs };
    }

    /// <summary>The charset parameter of a Content-Type header value, or null.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && !string.IsNullOrWhiteSpace(parsed.CharSet))
            return parsed.CharSet.Trim('"', '\'', ' ');
        var i = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        var value = contentType[(i + 8)..];
        var end = value.IndexOf(';');
        if (end >= 0) value = value[..end];
        value = value.Trim().Trim('"', '\'');
        return value.Length == 0 ? null : value;
    }

    /// <summary>Renames elements whose namespace is a well-known one written with other capitals, surrounding spaces or
    /// without its trailing slash (" http://www.itunes.com/DTDs/PodCast-1.0.dtd") to its canonical spelling.</summary>
    private static void NormalizeNamespaces(System.Xml.Linq.XDocument document)
    {
        Dictionary<System.Xml.Linq.XNamespace, System.Xml.Linq.XNamespace?>? seen = null;
        foreach (var e in document.Descendants())
        {
            var ns = e.Name.Namespace;
            if (ns == System.Xml.Linq.XNamespace.None) continue;
            seen ??= [];
            if (!seen.TryGetValue(ns, out var canonical))
            {
                var spelling = XmlNames.CanonicalSpelling(ns.NamespaceName);
                seen[ns] = canonical = spelling is null ? null : System.Xml.Linq.XNamespace.Get(spelling);
            }
            if (canonical is not null) e.Name = canonical + e.Name.LocalName;
        }
    }

    private static bool IsJsonType(string? contentType) => contentType is not null
        && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsNetscape(string text)
    {
        var head = text.Length > 2048 ? text[..2048] : text;
        return head.Contains("-//Netscape Communications//DTD RSS 0.91", StringComparison.OrdinalIgnoreCase);
    }

    private static char FirstSignificant(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c;
        }
        return '\0';
    }
}
