using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain;

/// <summary>RSS 0.90, 0.91 (Netscape and Userland), 0.92–0.94, 2.0 and RSS 1.0 (RDF), with the Dublin Core, content,
/// media RSS, iTunes, syndication and Atom-in-RSS extensions news feeds use.</summary>
internal static class RssParser
{
    public static ParsedFeed Parse(XElement root, Uri? documentBase, bool netscapeDoctype)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = root.Name.LocalName == "channel" ? root : root.Child("channel", XmlNames.RssCore);
        var version = Version(root, channel, isRdf, netscapeDoctype);

        var itemElements = root.Descendants()
            .Where(e => e.Name.LocalName == "item" && XmlNames.RssCore.Contains(e.Name.NamespaceName)
                        && (e.Parent == root || e.Parent == channel))
            .ToList();

        string? feedTitle = null, feedLink = null, language = null, subtitle = null;
        DateTimeOffset? updated = null;
        int? ttl = null;
        if (channel is not null)
        {
            feedTitle = FeedText.PlainTitle(channel.ChildText("title", XmlNames.RssCore) ?? channel.ChildText("title", XmlNames.DcAll));
            feedLink = XmlBase.Resolve(channel.ChildText("link", XmlNames.RssCore), channel, documentBase)
                       ?? AtomLink(channel, documentBase);
            subtitle = HtmlText.ToPlainText(channel.ChildText("description", XmlNames.RssCore) ?? channel.ChildText("description", XmlNames.DcAll));
            language = channel.ChildText("language", XmlNames.RssCore) ?? channel.ChildText("language", XmlNames.DcAll) ?? channel.LangInScope();
            ttl = FeedText.ParseInt(channel.ChildText("ttl", XmlNames.RssCore)) is int t and > 0 ? t : SyndicationTtl(channel);
            updated = FeedDates.Parse(channel.ChildText("lastBuildDate", XmlNames.RssCore))
                      ?? FeedDates.Parse(channel.ChildText("pubDate", XmlNames.RssCore))
                      ?? FeedDates.Parse(channel.ChildText("date", XmlNames.DcAll));
        }

        var items = itemElements.Select(e => ParseItem(e, documentBase, language)).ToList();
        var feed = new ParsedFeed("rss", feedTitle, feedLink, language, items, ttl)
        {
            Version = version,
            Subtitle = subtitle,
            Updated = updated,
        };
        if (channel is null) return feed;
        var image = channel.Child("image", XmlNames.RssCore) ?? root.Child("image", XmlNames.RssCore);
        return feed with
        {
            Rights = FeedText.PlainTitle(channel.ChildText("copyright", XmlNames.RssCore) ?? channel.ChildText("rights", XmlNames.DcAll)),
            Generator = FeedText.Clean(channel.ChildText("generator", XmlNames.RssCore)),
            ImageUrl = image is null ? null : XmlBase.Resolve(image.ChildText("url", XmlNames.RssCore) ?? image.Attribute(XName.Get("resource", XmlNames.Rdf))?.Value, image, documentBase),
            Authors = new[] { channel.ChildText("managingEditor", XmlNames.RssCore), channel.ChildText("creator", XmlNames.DcAll), channel.ChildText("author", XmlNames.DcAll), channel.ChildText("author", XmlNames.ITunes) }
                .Select(FeedText.Person).OfType<FeedPerson>().Take(1).ToArray(),
            Contributors = channel.Children("contributor", XmlNames.DcAll).Select(c => FeedText.Person(c.Value)).OfType<FeedPerson>().ToArray(),
            Categories = channel.Children("category", XmlNames.RssCore).Concat(channel.Children("subject", XmlNames.DcAll))
                .Select(c => FeedText.Clean(c.Value)).OfType<string>().Distinct().ToArray(),
        };
    }

    private static ParsedItem ParseItem(XElement item, Uri? documentBase, string? feedLanguage)
    {
        var b = new ItemBuilder
        {
            Title = FeedText.PlainTitle(item.ChildText("title", XmlNames.RssCore) ?? item.ChildText("title", XmlNames.DcAll)),
        };

        var guidElement = item.Child("guid", XmlNames.RssCore);
        var guid = guidElement?.Value.Trim();
        if (string.IsNullOrEmpty(guid)) guid = null;
        var about = item.Attribute(XName.Get("about", XmlNames.Rdf))?.Value.Trim();
        b.Id = guid ?? item.ChildText("identifier", XmlNames.DcAll) ?? (string.IsNullOrEmpty(about) ? null : about);

        var linkElement = item.Children("link", XmlNames.RssCore).FirstOrDefault(e => e.Value.Trim().Length > 0);
        b.Link = XmlBase.Resolve(linkElement?.Value, linkElement ?? item, documentBase)
                 ?? AtomLink(item, documentBase);
        if (b.Link is null && guid is not null
            && !string.Equals(guidElement!.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            var candidate = XmlBase.Resolve(guid, guidElement, documentBase);
            if (candidate is not null && (candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                                          || candidate.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                b.Link = candidate;
        }
        if (b.Link is null && !string.IsNullOrEmpty(about)) b.Link = XmlBase.Resolve(about, item, documentBase);

        var pubDate = FeedDates.Parse(item.ChildText("pubDate", XmlNames.RssCore));
        var dcDate = FeedDates.Parse(item.ChildText("date", XmlNames.DcAll));
        b.Published = pubDate ?? dcDate
                      ?? FeedDates.Parse(item.ChildText("issued", XmlNames.DcTerms))
                      ?? FeedDates.Parse(item.ChildText("created", XmlNames.DcTerms))
                      ?? FeedDates.Parse(item.ChildText("published", XmlNames.Atom10));
        b.Updated = FeedDates.Parse(item.ChildText("updated", XmlNames.Atom10))
                    ?? FeedDates.Parse(item.ChildText("modified", XmlNames.DcTerms))
                    ?? (pubDate is not null ? dcDate : null);

        foreach (var a in item.Children("author", XmlNames.RssCore)) b.AddAuthorDetail(FeedText.Person(a.Value));
        foreach (var a in item.Children("creator", XmlNames.DcAll)) b.AddAuthorDetail(FeedText.Person(a.Value));
        foreach (var a in item.Children("author", XmlNames.DcAll)) b.AddAuthorDetail(FeedText.Person(a.Value));
        b.Contributors.AddRange(item.Children("contributor", XmlNames.DcAll).Select(c => FeedText.Person(c.Value)).OfType<FeedPerson>());
        b.Rights = FeedText.PlainTitle(item.ChildText("rights", XmlNames.DcAll) ?? item.ChildText("copyright", XmlNames.RssCore));
        b.Comments = XmlBase.Resolve(item.ChildText("comments", XmlNames.RssCore), item, documentBase);
        foreach (var enclosure in item.Children("enclosure", XmlNames.RssCore))
            b.AddEnclosure(XmlBase.Resolve(enclosure.Attr("url"), enclosure, documentBase), enclosure.Attr("type"), enclosure.Attr("length"));
        foreach (var a in item.Children("author", XmlNames.Atom10)) b.AddAuthor(a.ChildText("name", XmlNames.Atom10) ?? a.Value);
        if (b.AuthorCount == 0) foreach (var a in item.Children("author", XmlNames.ITunes)) b.AddAuthor(a.Value);

        foreach (var c in item.Children("category", XmlNames.RssCore)) b.AddCategory(c.Value);
        foreach (var c in item.Children("subject", XmlNames.DcAll)) b.AddCategory(c.Value);
        foreach (var c in item.Children("category", XmlNames.Atom10)) b.AddCategory(c.Attr("term") ?? c.Attr("label"));

        var description = item.Child("description", XmlNames.RssCore) ?? item.Child("description", XmlNames.DcAll)
                          ?? item.Child("summary", XmlNames.ITunes);
        if (description is not null)
            b.SummaryHtml = HtmlSanitizer.Sanitize(description.InnerMarkup(), XmlBase.BaseOf(description, documentBase));
        var content = item.Child("encoded", XmlNames.Content) ?? item.Child("body", XmlNames.Xhtml) ?? item.Child("content", XmlNames.Atom10)
                      ?? item.Child("body", XmlNames.RssCore) ?? item.Child("fullitem", XmlNames.RssCore);
        if (content is not null)
            b.ContentHtml = HtmlSanitizer.Sanitize(content.InnerMarkup(), XmlBase.BaseOf(content, documentBase));

        b.ImageUrl = ImageOf(item, documentBase);
        var sourceElement = item.Child("source", XmlNames.RssCore);
        b.Language = item.ChildText("language", XmlNames.DcAll) ?? item.Attribute(XmlNames.XmlLang)?.Value ?? feedLanguage;
        var built = b.Build();
        return sourceElement is null ? built : built with
        {
            Source = new ParsedFeed("rss", FeedText.PlainTitle(sourceElement.Value), XmlBase.Resolve(sourceElement.Attr("url"), sourceElement, documentBase), null, [], null),
        };
    }

    /// <summary>The first image among enclosures, media:content, media:thumbnail (also inside media:group) and itunes:image.</summary>
    internal static string? ImageOf(XElement item, Uri? documentBase)
    {
        foreach (var enclosure in item.Children("enclosure", XmlNames.RssCore))
        {
            var url = enclosure.Attr("url");
            if (url is not null && FeedText.LooksLikeImage(enclosure.Attr("type"), url))
                return XmlBase.Resolve(url, enclosure, documentBase);
        }
        var scopes = new List<XElement> { item };
        scopes.AddRange(item.Children("group", XmlNames.MediaAll));
        foreach (var scope in scopes)
        {
            foreach (var media in scope.Children("content", XmlNames.MediaAll))
            {
                var url = media.Attr("url");
                if (url is null) continue;
                var medium = media.Attr("medium");
                if (string.Equals(medium, "image", StringComparison.OrdinalIgnoreCase)
                    || (medium is null && FeedText.LooksLikeImage(media.Attr("type"), url)))
                    return XmlBase.Resolve(url, media, documentBase);
            }
            var thumbnail = scope.Children("thumbnail", XmlNames.MediaAll).FirstOrDefault(t => t.Attr("url") is not null);
            if (thumbnail is not null) return XmlBase.Resolve(thumbnail.Attr("url"), thumbnail, documentBase);
        }
        foreach (var media in item.Children("content", XmlNames.MediaAll))
        {
            var thumbnail = media.Children("thumbnail", XmlNames.MediaAll).FirstOrDefault(t => t.Attr("url") is not null);
            if (thumbnail is not null) return XmlBase.Resolve(thumbnail.Attr("url"), thumbnail, documentBase);
        }
        var itunes = item.Child("image", XmlNames.ITunes);
        if (itunes?.Attr("href") is { } href) return XmlBase.Resolve(href, itunes, documentBase);
        foreach (var link in item.Children("link", XmlNames.Atom10))
        {
            if (link.Attr("rel") == "enclosure" && FeedText.LooksLikeImage(link.Attr("type"), link.Attr("href")))
                return XmlBase.Resolve(link.Attr("href"), link, documentBase);
        }
        return null;
    }

    private static string? AtomLink(XElement parent, Uri? documentBase)
    {
        var link = parent.Children("link", XmlNames.Atom10)
            .FirstOrDefault(l => (l.Attr("rel") ?? "alternate") == "alternate" && l.Attr("href") is not null);
        return link is null ? null : XmlBase.Resolve(link.Attr("href"), link, documentBase);
    }

    private static int? SyndicationTtl(XElement channel)
    {
        var period = channel.ChildText("updatePeriod", XmlNames.Syndication);
        if (period is null) return null;
        var minutes = period.ToLowerInvariant() switch
        {
            "hourly" => 60,
            "daily" => 1440,
            "weekly" => 10080,
            "monthly" => 43200,
            "yearly" => 525600,
            _ => 0,
        };
        if (minutes == 0) return null;
        var frequency = FeedText.ParseInt(channel.ChildText("updateFrequency", XmlNames.Syndication)) is int f and > 0 ? f : 1;
        return Math.Max(1, minutes / frequency);
    }

    private static string Version(XElement root, XElement? channel, bool isRdf, bool netscapeDoctype)
    {
        if (isRdf)
        {
            var ns = (channel ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "item"))?.Name.NamespaceName;
            return ns switch
            {
                XmlNames.Rss090 => "rss090",
                XmlNames.Rss10 => "rss10",
                _ => "rss10",
            };
        }
        var v = root.Attr("version");
        return v switch
        {
            "0.90" => "rss090",
            "0.91" => netscapeDoctype ? "rss091n" : "rss091u",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            "2.0" or "2" or "2.00" or "2.0.1" => "rss20",
            _ when v is not null && v.StartsWith("2.", StringComparison.Ordinal) => "rss20",
            _ => "rss",
        };
    }
}
