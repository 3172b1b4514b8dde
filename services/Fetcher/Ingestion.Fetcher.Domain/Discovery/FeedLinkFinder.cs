using AngleSharp.Html.Parser;

namespace Ingestion.Fetcher.Domain.Discovery;

/// <summary>Feed autodiscovery: the <c>&lt;link rel="alternate"&gt;</c> elements of an HTML page whose type is a feed
/// (RSS, Atom, RDF, JSON Feed), in document order, without duplicates.</summary>
public static class FeedLinkFinder
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json", "application/json",
        "application/x.atom+xml", "application/x-atom+xml", "text/xml", "application/xml",
    ];

    public static IReadOnlyList<FeedLink> Find(string html, string? pageUrl)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument(html);
        Uri.TryCreate(pageUrl, UriKind.Absolute, out var pageBase);
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref
            && Uri.TryCreate(pageBase, baseHref, out var declared))
            pageBase = declared;
        var found = new List<FeedLink>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!rel.Contains("alternate") || rel.Contains("stylesheet")) continue;
            var type = (link.GetAttribute("type") ?? "").Split(';')[0].Trim().ToLowerInvariant();
            if (!FeedTypes.Contains(type)) continue;
            var href = link.GetAttribute("href")!.Trim();
            if (href.Length == 0) continue;
            var url = pageBase is not null && Uri.TryCreate(pageBase, href, out var abs) ? abs.ToString() : href;
            if (found.Any(f => f.Url == url)) continue;
            var title = link.GetAttribute("title");
            found.Add(new FeedLink(href, url, type, string.IsNullOrWhiteSpace(title) ? null : title.Trim()));
        }
        return found;
    }
}
