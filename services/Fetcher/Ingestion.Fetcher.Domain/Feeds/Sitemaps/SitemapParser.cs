using System.Xml.Linq;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds.Sitemaps;

/// <summary>
/// XML sitemaps (sitemaps.org 0.9): <c>urlset</c> with the Google News (news:news) and image (image:image) extensions,
/// and <c>sitemapindex</c>. Element namespaces are read leniently (some sites use Google's old namespace or none);
/// a &lt;sitemap&gt; with its URL as bare text instead of &lt;loc&gt; is accepted.
/// </summary>
internal static class SitemapParser
{
    public static ParsedFeed ParseUrlset(XElement root, Uri? documentBase)
    {
        var items = new List<ParsedItem>();
        foreach (var url in root.AnyNs("url"))
        {
            var loc = XmlBase.Resolve(FirstText(url, "loc"), url, documentBase);
            if (loc is null) continue;
            var b = new ItemBuilder
            {
                Link = loc,
                Updated = FeedDates.Parse(FirstText(url, "lastmod")),
            };
            var news = url.AnyNs("news").FirstOrDefault();
            if (news is not null)
            {
                b.Title = FeedText.PlainTitle(FirstText(news, "title"));
                b.Published = FeedDates.Parse(FirstText(news, "publication_date"));
                var publication = news.AnyNs("publication").FirstOrDefault();
                if (publication is not null)
                {
                    b.PublicationName = FeedText.Clean(FirstText(publication, "name"));
                    b.Language = FirstText(publication, "language");
                }
                b.Language ??= FirstText(news, "language");
                var keywords = FirstText(news, "keywords");
                if (keywords is not null)
                    foreach (var k in keywords.Split(',')) b.AddCategory(k);
            }
            foreach (var image in url.AnyNs("image"))
            {
                b.SetImageIfNone(XmlBase.Resolve(FirstText(image, "loc"), image, documentBase));
            }
            items.Add(b.Build());
        }
        return new ParsedFeed("sitemap", null, null, null, items, null) { Version = "sitemap" };
    }

    public static ParsedFeed ParseIndex(XElement root, Uri? documentBase)
    {
        var items = new List<ParsedItem>();
        foreach (var sitemap in root.AnyNs("sitemap"))
        {
            var loc = FirstText(sitemap, "loc") ?? (sitemap.HasElements ? null : FeedText.Clean(sitemap.Value));
            var link = XmlBase.Resolve(loc, sitemap, documentBase);
            if (link is null) continue;
            var b = new ItemBuilder { Link = link, Updated = FeedDates.Parse(FirstText(sitemap, "lastmod")) };
            items.Add(b.Build());
        }
        return new ParsedFeed("sitemapindex", null, null, null, items, null) { Version = "sitemapindex" };
    }

    private static string? FirstText(XElement parent, string localName) =>
        parent.AnyNs(localName).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0);
}
