using System.Net;
using AngleSharp.Dom;
using Ingestion.Cleaner.Domain.Authors;
using Ingestion.Cleaner.Domain.Dates;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Reads article metadata from markup, most reliable source first: JSON-LD, then Open Graph / Twitter / classic
/// meta tags, then microdata (<c>itemprop</c>), <c>&lt;time&gt;</c> elements, byline elements, and the URL.
/// Runs on the document before boilerplate removal (JSON-LD lives in script elements, bylines in headers).
/// </summary>
internal static class MetadataReader
{
    private static readonly string[] TitleKeys = ["og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title", "title",
        "headline"];

    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time", "published_time",
        "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "pub_date", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date", "article.published", "original-publish-date",
        "article_date_original", "displaydate", "og:pubdate", "citation_publication_date", "citation_date",
    ];

    private static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified", "datemodified", "dcterms.modified",
        "last-modified", "lastmod", "article.updated", "revised",
    ];

    private static readonly string[] AuthorKeys =
    [
        "author", "article:author", "og:article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "cxenseparse:author", "citation_author", "twitter:data1-author",
    ];

    private static readonly string[] SiteKeys = ["og:site_name", "application-name", "publisher", "dc.publisher", "cxenseparse:site"];
    private static readonly string[] DescriptionKeys = ["og:description", "description", "twitter:description", "dc.description",
        "sailthru.description"];
    private static readonly string[] ImageKeys = ["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
        "thumbnail", "sailthru.image.full"];
    private static readonly string[] SectionKeys = ["article:section", "og:article:section", "parsely-section", "section"];
    private static readonly string[] TagKeys = ["article:tag", "og:article:tag", "news_keywords"];
    private static readonly string[] LanguageKeys = ["content-language", "og:locale", "dc.language", "language", "inlanguage"];

    private static readonly HashSet<string> BylineTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "byline", "author", "authors", "authorname", "author-name", "byline-name", "article-author", "writer", "contributor",
        "byline__name", "byline__author", "bylineauthor", "story-byline", "article-byline",
    };

    /// <param name="document">The parsed page.</param>
    /// <param name="pageUrl">The page's URL (its path may hold the day).</param>
    /// <param name="html">The page's markup as parsed, for what the parser keeps as comments (an RDF block).</param>
    public static PageMetadata Read(IDocument document, string pageUrl, string? html = null)
    {
        var meta = new PageMetadata();
        var baseUri = BaseUri(document, pageUrl);
        var tags = MetaTags(document);

        // JSON-LD first.
        var scripts = document.QuerySelectorAll("script")
            .Where(s => (s.GetAttribute("type") ?? "").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.TextContent);
        var ld = JsonLdReader.Read(scripts);
        if (ld is not null)
        {
            meta.DeclaresArticle = ld.IsArticleType;
            meta.Title = ld.Headline;
            meta.Authors.AddRange(AuthorNames.Clean(ld.Authors));
            if (meta.Authors.Count == 0
                && ld.Authors.Select(a => AuthorNames.Parse(a).Agency).FirstOrDefault(a => a is not null) is { } agency)
                meta.SiteName = agency;
            meta.Published = DateParsing.ParseMachineDate(ld.Published);
            meta.Modified = DateParsing.ParseMachineDate(ld.Modified);
            meta.ImageUrl = Absolute(baseUri, ld.Image);
            meta.SiteName ??= ld.Publisher;
            meta.Description = ld.Description;
            meta.Language = LanguageCodes.Normalise(ld.Language);
            meta.JsonLdArticleBody = ld.ArticleBody;
            meta.Section = ld.Section;
            meta.Tags = ld.Keywords;
        }

        meta.Title ??= First(tags, TitleKeys);
        meta.Published ??= FirstDate(tags, PublishedKeys);
        meta.Modified ??= FirstDate(tags, ModifiedKeys);
        if (meta.Authors.Count == 0)
        {
            var raws = AuthorKeys.SelectMany(k => tags.TryGetValue(k, out var v) ? v : [])
                .Where(v => !v.Contains("://", StringComparison.Ordinal) && !v.StartsWith('@'));
            meta.Authors.AddRange(AuthorNames.Clean(raws));
        }
        meta.SiteName ??= First(tags, SiteKeys);
        meta.Description ??= First(tags, DescriptionKeys);
        meta.ImageUrl ??= Absolute(baseUri, First(tags, ImageKeys));
        // "- Destacado 1": platforms list their internal placements among the sections; a section name starts with a letter.
        meta.Section ??= SectionKeys.SelectMany(k => tags.TryGetValue(k, out var v) ? v : []).Select(Clean)
            .FirstOrDefault(v => v is not null && char.IsLetter(v[0]));
        if (meta.Tags.Count == 0)
            meta.Tags = Text.Tags.Clean(TagKeys.SelectMany(k => tags.TryGetValue(k, out var v) ? v.SelectMany(Text.Tags.Split) : []));
        if (!meta.DeclaresArticle && First(tags, ["og:type"]) is { } ogType)
            meta.DeclaresArticle = ogType.Contains("article", StringComparison.OrdinalIgnoreCase);

        // Canonical URL: <link rel=canonical>, og:url, JSON-LD url.
        var canonical = document.QuerySelectorAll("link[rel]")
            .FirstOrDefault(l => HasToken(l.GetAttribute("rel"), "canonical"))?.GetAttribute("href");
        meta.CanonicalUrl = Absolute(baseUri, canonical) ?? Absolute(baseUri, First(tags, ["og:url"])) ?? Absolute(baseUri, ld?.Url);

        // Language: <html lang>, then meta.
        var root = document.DocumentElement;
        meta.Language ??= LanguageCodes.Normalise(root?.GetAttribute("lang") ?? root?.GetAttribute("xml:lang"));
        meta.Language ??= LanguageCodes.Normalise(First(tags, LanguageKeys));

        ReadMicrodata(document, meta);
        ReadTimeElements(document, meta);
        meta.UrlDate = DateParsing.FromUrl(pageUrl) ?? DateParsing.FromUrl(meta.CanonicalUrl);
        var monthFirst = meta.Language?.StartsWith("en", StringComparison.Ordinal) == true;
        if (meta.Published is null && html is not null) meta.Published = EmbeddedRdf.Date(html);
        // Read only when it can matter: no date yet, or a UTC time the page's day may contradict.
        var underHeadline = meta.Published is null || meta.UrlDate is null && meta.Published.Value.Offset == TimeSpan.Zero
            ? HeadlineDate.Find(HeadlineDate.Headline(document, meta.Title ?? document.Title), monthFirst)
            : null;
        if (meta.Published is null && underHeadline is { } headlineDate
            && (meta.UrlDate is null || SameDay(headlineDate, meta.UrlDate.Value)))
            meta.Published = headlineDate;
        if (meta.Published is null && meta.UrlDate is null)
        {
            var anyTime = document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
            meta.Published = DateParsing.ParseMachineDate(anyTime);
        }
        if (meta.Published is null && document.Body is { } body
            && DateElements.Find(body, monthFirst) is { } shown
            && (meta.UrlDate is null || SameDay(shown, meta.UrlDate.Value)))
            meta.Published = shown;
        if (meta.Published is { Offset.Ticks: 0 } utc) meta.Published = StatedOffset(document, tags, utc);
        var shownDay = meta.UrlDate ?? underHeadline;
        meta.Published = PageDay.Align(meta.Published, shownDay is { } d ? DateOnly.FromDateTime(d.DateTime) : null);
        if (meta.Authors.Count == 0) ReadBylineElements(document, meta);

        meta.DocumentTitle = Clean(document.Title);
        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("h1");
        meta.H1 = Clean(h1?.TextContent);
        meta.Title = Clean(meta.Title);
        meta.SiteName = Clean(meta.SiteName);
        meta.Description = Clean(meta.Description);
        return meta;
    }

    /// <summary>Meta tags by lower-case property, name, itemprop or http-equiv; values in document order.</summary>
    private static Dictionary<string, List<string>> MetaTags(IDocument document)
    {
        var tags = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in document.QuerySelectorAll("meta"))
        {
            var content = m.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attr in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                var key = m.GetAttribute(attr);
                if (string.IsNullOrWhiteSpace(key)) continue;
                foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!tags.TryGetValue(k, out var list)) tags[k] = list = [];
                    list.Add(WebUtility.HtmlDecode(content.Trim()));
                }
            }
        }
        return tags;
    }

    private static void ReadMicrodata(IDocument document, PageMetadata meta)
    {
        foreach (var e in document.QuerySelectorAll("[itemprop]"))
        {
            var props = e.GetAttribute("itemprop") ?? "";
            if (e.LocalName == "meta") continue; // read with the meta tags
            if (meta.Published is null && HasToken(props, "datePublished"))
                meta.Published = DateParsing.ParseMachineDate(e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent);
            else if (meta.Modified is null && HasToken(props, "dateModified"))
                meta.Modified = DateParsing.ParseMachineDate(e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? e.TextContent);
            else if (meta.Authors.Count == 0 && HasToken(props, "author"))
            {
                var name = e.QuerySelector("[itemprop~=name]");
                var raw = name?.GetAttribute("content") ?? name?.TextContent ?? e.GetAttribute("content") ?? e.TextContent;
                if (raw.Length <= 200) meta.Authors.AddRange(AuthorNames.Parse(raw).Names);
            }
            else if (meta.Title is null && HasToken(props, "headline"))
                meta.Title = e.TextContent;
        }
    }

    private static void ReadTimeElements(IDocument document, PageMetadata meta)
    {
        if (meta.Published is not null) return;
        var times = document.QuerySelectorAll("time").ToList();
        var chosen = times.FirstOrDefault(t => t.HasAttribute("pubdate"))
                     ?? times.FirstOrDefault(t => (t.ClassName ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase))
                     ?? times.FirstOrDefault(t => t.Closest("article") is not null && t.HasAttribute("datetime"));
        if (chosen is null) return;
        meta.Published = DateParsing.ParseMachineDate(chosen.GetAttribute("datetime")) ?? DateParsing.ParseMachineDate(chosen.TextContent);
    }

    private static void ReadBylineElements(IDocument document, PageMetadata meta)
    {
        var candidates = document.QuerySelectorAll("[rel~=author], [class], [id]")
            .Where(e => e.LocalName is not "meta" and not "link" and not "script" and not "body" and not "html")
            .Where(e => HasToken(e.GetAttribute("rel"), "author") || ElementTokens.Of(e).Any(BylineTokens.Contains))
            .Take(12);
        foreach (var e in candidates)
        {
            // Block children hold name and role apart ("By Jane Doe" / "Business reporter"): keep them apart.
            var text = string.Join(" | ", TextBlockCollector.Collect([e]).Select(b => b.Text));
            if (text.Length is 0 or > 150) continue;
            var byline = BylineParser.Parse(text);
            var names = byline?.Authors ?? AuthorNames.Parse(text, allowSingleWord: false).Names;
            if (names.Count == 0) continue;
            meta.Authors.AddRange(names.Where(n => !meta.Authors.Contains(n, StringComparer.OrdinalIgnoreCase)));
            meta.Published ??= byline?.Published;
            if (meta.Authors.Count >= 4) break;
        }
    }

    private static Uri? BaseUri(IDocument document, string pageUrl)
    {
        Uri.TryCreate(pageUrl, UriKind.Absolute, out var page);
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(href))
        {
            if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var abs)) return abs;
            if (page is not null && Uri.TryCreate(page, href.Trim(), out var rel)) return rel;
        }
        return page;
    }

    /// <summary>An absolute http(s) URL, resolving relative ones against the page; null for anything else.</summary>
    internal static string? Absolute(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var h = WebUtility.HtmlDecode(href.Trim());
        if (h.StartsWith("//", StringComparison.Ordinal)) h = (baseUri?.Scheme ?? "https") + ":" + h;
        Uri? uri;
        if (!Uri.TryCreate(h, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https"))
        {
            if (baseUri is null || !Uri.TryCreate(baseUri, h, out uri)) return null;
        }
        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    private static string? First(Dictionary<string, List<string>> tags, IEnumerable<string> keys)
    {
        foreach (var k in keys)
            if (tags.TryGetValue(k, out var values))
                foreach (var v in values)
                    if (!string.IsNullOrWhiteSpace(v)) return v;
        return null;
    }

    private static DateTimeOffset? FirstDate(Dictionary<string, List<string>> tags, IEnumerable<string> keys)
    {
        foreach (var k in keys)
            if (tags.TryGetValue(k, out var values))
                foreach (var v in values)
                    if (DateParsing.ParseMachineDate(v) is { } d) return d;
        return null;
    }

    /// <summary>The same moment as a meta tag or a <c>time</c> element states it in the page's own offset, when one does.</summary>
    private static DateTimeOffset StatedOffset(IDocument document, Dictionary<string, List<string>> tags, DateTimeOffset utc)
    {
        var stated = PublishedKeys.SelectMany(k => tags.TryGetValue(k, out var v) ? v : [])
            .Concat(document.GetElementsByTagName("time").Select(t => t.GetAttribute("datetime")));
        foreach (var value in stated)
            if (DateParsing.ParseMachineDate(value) is { } d && d.Offset != TimeSpan.Zero && d.UtcDateTime == utc.UtcDateTime)
                return d;
        return utc;
    }

    private static bool SameDay(DateTimeOffset a, DateTimeOffset b) =>
        DateOnly.FromDateTime(a.DateTime) == DateOnly.FromDateTime(b.DateTime);

    internal static bool HasToken(string? list, string token) =>
        list is not null
            && list.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Any(t =>
            t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? s)
    {
        var t = TextNormalizer.CollapseWhitespace(s);
        return t.Length == 0 ? null : t;
    }
}
