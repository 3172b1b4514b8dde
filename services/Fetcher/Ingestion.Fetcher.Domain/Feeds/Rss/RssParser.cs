using System.Xml.Linq;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds.Rss;

/// <summary>RSS 0.90, 0.91 (Netscape and Userland), 0.92–0.94, 2.0 and RSS 1.0 (RDF), with the Dublin Core, content,
/// media RSS, iTunes, syndication, Creative Commons, wfw and Atom-in-RSS extensions news feeds use.</summary>
internal static class RssParser
{
    /// <summary>RSS's own channel elements; other elements without a namespace go to the extension map under "".</summary>
    private static readonly HashSet<string> ChannelElements = new(StringComparer.Ordinal)
    {
        "title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate",
        "category", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput", "textinput", "skipHours",
        "skipDays", "item", "items", "channel",
    };

    /// <summary>RSS's own item elements (with RSS 0.9x's body/fullitem and the expirationDate some feeds use).</summary>
    private static readonly HashSet<string> ItemElements = new(StringComparer.Ordinal)
    {
        "title", "link", "description", "author", "category", "comments", "enclosure", "guid", "pubDate", "source",
        "body", "fullitem", "expirationDate",
    };

    public static ParsedFeed Parse(XElement root, Uri? documentBase, bool netscapeDoctype, string? contentLanguage = null)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = root.Name.LocalName == "channel" ? root : root.Child("channel", XmlNames.RssCore);
        var version = Version(root, channel, isRdf, netscapeDoctype);
        var versionText = isRdf ? (version == "rss090" ? "0.9" : "1.0") : root.Attr("version");

        var itemElements = root.Descendants()
            .Where(e => e.Name.LocalName == "item" && XmlNames.RssCore.Contains(e.Name.NamespaceName)
                        && (e.Parent == root || e.Parent == channel))
            .ToList();

        if (channel is null)
        {
            var bare = new ParsedFeed("rss", null, null, root.LangOf(XmlQuery.NormalizeLanguage(contentLanguage)), [],
                null) { Version = version, VersionText = versionText };
            var defaultLanguage = bare.Language;
            return bare with
            {
                Items = itemElements.Select(e => ParseItem(e, documentBase, defaultLanguage, defaultLanguage)).ToList(),
                NewLocation = NewLocation(root, null, documentBase),
            };
        }

        var languageElement = channel.ChildText("language", XmlNames.RssCore) ?? channel.ChildText("language", XmlNames.DcAll);
        var language = XmlQuery.NormalizeLanguage(languageElement) ?? channel.LangOf(XmlQuery.NormalizeLanguage(contentLanguage));
        // Details take the xml:lang in scope; without one, the channel's language element, then the HTTP header.
        var detailLanguage = XmlQuery.NormalizeLanguage(languageElement) ?? XmlQuery.NormalizeLanguage(contentLanguage);

        var titleElement = channel.Child("title", XmlNames.RssCore) ?? channel.Child("title", XmlNames.DcAll);
        var descriptionElement = channel.Child("description", XmlNames.RssCore) ?? channel.Child("description", XmlNames.DcAll)
                                 ?? channel.Child("summary", XmlNames.ITunes) ?? channel.Child("subtitle", XmlNames.ITunes);
        var rightsElement = channel.Child("copyright", XmlNames.RssCore) ?? channel.Child("rights", XmlNames.DcAll)
                            ?? channel.Child("license", XmlNames.DcTerms);
        var links = Links(channel, documentBase);
        var coreLink = links.Where(l => l.Core).Select(l => l.Info.Href).LastOrDefault();
        var ttl = FeedText.ParseInt(channel.ChildText("ttl", XmlNames.RssCore)) is int t and > 0 ? t : SyndicationTtl(channel);
        var published = FeedDates.Parse(channel.ChildText("pubDate", XmlNames.RssCore))
            ?? FeedDates.Parse(channel.ChildText("issued", XmlNames.DcTerms));
        var updated = FeedDates.Parse(channel.ChildText("lastBuildDate", XmlNames.RssCore))
                      ?? FeedDates.Parse(channel.ChildText("date", XmlNames.DcAll))
                      ?? FeedDates.Parse(channel.ChildText("modified", XmlNames.DcTerms))
                      ?? published;

        var items = itemElements.Select(e => ParseItem(e, documentBase, language, detailLanguage)).ToList();
        // RSS 1.0 puts image and textinput beside the channel, which only refers to them (rdf:resource).
        var image = Image(Described(channel, root, "image"), documentBase);
        var mediaImage = ChannelMediaImage(channel, documentBase);
        var managingEditor = FeedText.PlainTitle(channel.ChildText("managingEditor", XmlNames.RssCore)
            ?? channel.ChildText("author", XmlNames.RssCore));
        var webMaster = FeedText.PlainTitle(channel.ChildText("webMaster", XmlNames.RssCore));
        var publisher = FeedText.Person(channel.ChildText("publisher", XmlNames.DcAll)) ?? FeedText.Person(webMaster);
        var generator = channel.Child("generator", XmlNames.RssCore);
        var generatorName = FeedText.Clean(generator?.Value);
        var generatorUri = generator is null ? null
            : XmlBase.Resolve(generator.Attr("uri") ?? generator.Attr("url") ?? generator.Attr("resource"), generator, documentBase);
        var categories = Categories(channel);
        var (validFrom, validUntil) = Validity(channel.ChildText("valid", XmlNames.DcTerms));

        return new ParsedFeed("rss", FeedText.PlainTitle(titleElement?.Value), coreLink
            ?? AtomLink(channel, documentBase), language, items, ttl)
        {
            Version = version,
            VersionText = versionText,
            Subtitle = HtmlText.ToPlainText(descriptionElement?.Value),
            Updated = updated,
            Published = published,
            TitleDetail = FeedText.PlainDetail(titleElement, documentBase, detailLanguage),
            SubtitleDetail = descriptionElement is null ? null
                : FeedText.Detail(descriptionElement, "text/html", documentBase, detailLanguage),
            Rights = FeedText.PlainTitle(rightsElement?.Value),
            RightsDetail = FeedText.PlainDetail(rightsElement, documentBase, detailLanguage),
            Generator = generatorName,
            GeneratorDetail = generatorName is null
                && generatorUri is null ? null : new FeedGenerator(generatorName, generatorUri, generator?.Attr("version")),
            ImageUrl = image?.Url ?? mediaImage,
            Image = image,
            Authors = new[] { managingEditor, channel.ChildText("creator", XmlNames.DcAll), channel.ChildText("author", XmlNames.DcAll),
                channel.ChildText("author", XmlNames.ITunes) }
                .Select(FeedText.Person).OfType<FeedPerson>().Take(1).ToArray(),
            Contributors = channel.Children("contributor", XmlNames.DcAll).Select(c =>
                FeedText.Person(c.Value)).OfType<FeedPerson>().ToArray(),
            Categories = categories.Select(c => c.Term ?? c.Label).OfType<string>().Distinct().ToArray(),
            CategoryDetails = categories,
            Links = links.Select(l => l.Info).ToArray(),
            FeedUrl = channel.Children("link", XmlNames.Atom10).Where(l => l.Attr("rel") == "self").Select(l =>
                XmlBase.Resolve(l.Attr("href"), l, documentBase)).FirstOrDefault(h => h is not null),
            NewLocation = NewLocation(root, channel, documentBase),
            Publisher = publisher,
            ManagingEditor = managingEditor,
            WebMaster = webMaster,
            Docs = XmlBase.Resolve(channel.ChildText("docs", XmlNames.RssCore), channel.Child("docs", XmlNames.RssCore), documentBase),
            Rating = FeedText.PlainTitle(channel.ChildText("rating", XmlNames.RssCore)),
            Cloud = Cloud(channel.Child("cloud", XmlNames.RssCore)),
            TextInput = TextInput(Described(channel, root, "textInput") ?? Described(channel, root, "textinput"), documentBase),
            SkipHours = ListOf(channel.Child("skipHours", XmlNames.RssCore), "hour"),
            SkipDays = ListOf(channel.Child("skipDays", XmlNames.RssCore), "day"),
            ValidFrom = validFrom,
            ValidUntil = validUntil,
            Extensions = FeedExtensions.Of(channel, XmlNames.RssCore, ChannelElements),
        };
    }

    private static ParsedItem ParseItem(XElement item, Uri? documentBase, string? feedLanguage, string? detailLanguage)
    {
        var titleElement = item.Child("title", XmlNames.RssCore) ?? item.Child("title", XmlNames.DcAll);
        var b = new ItemBuilder
        {
            Title = FeedText.PlainTitle(titleElement?.Value),
        };

        var guidElement = item.Child("guid", XmlNames.RssCore);
        var guid = guidElement?.Value.Trim();
        if (string.IsNullOrEmpty(guid)) guid = null;
        var guidIsPermaLink = guidElement is null ? (bool?)null
            : !string.Equals(guidElement.Attribute("isPermaLink")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var about = item.Attribute(XName.Get("about", XmlNames.Rdf))?.Value.Trim();
        b.Id = guid ?? item.ChildText("identifier", XmlNames.DcAll) ?? (string.IsNullOrEmpty(about) ? null : about);

        var links = Links(item, documentBase);
        // As feedparser and gofeed read it, the last link element wins when an item has several.
        b.Link = links.Where(l => l.Core).Select(l => l.Info.Href).LastOrDefault() ?? AtomLink(item, documentBase);
        b.Links = links.Select(l => l.Info).ToArray();
        if (b.Link is null && guid is not null && guidIsPermaLink == true)
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
        // dc:date is the item's last change when it has a pubDate too; alone it is both (feedparser reads it as updated).
        b.Updated = FeedDates.Parse(item.ChildText("updated", XmlNames.Atom10))
                    ?? FeedDates.Parse(item.ChildText("modified", XmlNames.DcTerms))
                    ?? dcDate;

        foreach (var a in item.Children("author", XmlNames.RssCore)) b.AddAuthorDetail(FeedText.Person(a.Value));
        foreach (var a in item.Children("creator", XmlNames.DcAll)) b.AddAuthorDetail(FeedText.Person(a.Value));
        foreach (var a in item.Children("author", XmlNames.DcAll)) b.AddAuthorDetail(FeedText.Person(a.Value));
        b.Contributors.AddRange(item.Children("contributor", XmlNames.DcAll).Select(c => FeedText.Person(c.Value)).OfType<FeedPerson>());
        var rightsElement = item.Child("rights", XmlNames.DcAll) ?? item.Child("copyright", XmlNames.RssCore);
        b.Rights = FeedText.PlainTitle(rightsElement?.Value);
        b.Comments = XmlBase.Resolve(item.ChildText("comments", XmlNames.RssCore), item, documentBase);
        foreach (var enclosure in item.Children("enclosure", XmlNames.RssCore))
            b.AddEnclosure(XmlBase.Resolve(enclosure.Attr("url"), enclosure, documentBase), enclosure.Attr("type"),
                enclosure.Attr("length"));
        foreach (var a in item.Children("author", XmlNames.Atom10))
        {
            var uri = a.Child("uri", XmlNames.Atom10);
            b.AddAuthorDetail(new FeedPerson(FeedText.Clean(a.ChildText("name", XmlNames.Atom10) ?? (a.HasElements ? null : a.Value)),
                FeedText.Clean(a.ChildText("email", XmlNames.Atom10)), uri is null ? null : XmlBase.Resolve(uri.Value, uri, documentBase)));
        }
        if (b.AuthorCount == 0) foreach (var a in item.Children("author", XmlNames.ITunes)) b.AddAuthor(a.Value);

        var categories = Categories(item);
        foreach (var c in categories) b.AddCategory(c.Term ?? c.Label);

        var description = item.Child("description", XmlNames.RssCore) ?? item.Child("description", XmlNames.DcAll)
                          ?? item.Child("summary", XmlNames.ITunes);
        if (description is not null)
        {
            b.SummaryHtml = HtmlSanitizer.Sanitize(description.InnerMarkup(), XmlBase.BaseOf(description, documentBase));
            b.SummaryDetail = FeedText.Detail(description, "text/html", documentBase, detailLanguage);
        }
        var content = item.Child("encoded", XmlNames.Content) ?? item.Child("body", XmlNames.Xhtml)
            ?? item.Child("content", XmlNames.Atom10)
                      ?? item.Child("body", XmlNames.RssCore) ?? item.Child("fullitem", XmlNames.RssCore);
        if (content is not null)
        {
            var isXhtml = content.Name.NamespaceName == XmlNames.Xhtml;
            b.ContentHtml = isXhtml
                ? HtmlSanitizer.Sanitize(XmlQuery.XhtmlAsHtml(content.Nodes()), XmlBase.BaseOf(content, documentBase))
                : HtmlSanitizer.Sanitize(content.InnerMarkup(), XmlBase.BaseOf(content, documentBase));
            b.ContentDetail = FeedText.Detail(content, isXhtml ? "application/xhtml+xml" : "text/html", documentBase, detailLanguage);
        }

        b.ImageUrl = ImageOf(item, documentBase) ?? HtmlSanitizer.FirstImage(b.SummaryHtml) ?? HtmlSanitizer.FirstImage(b.ContentHtml);
        var sourceElement = item.Child("source", XmlNames.RssCore);
        b.Language = XmlQuery.NormalizeLanguage(item.ChildText("language", XmlNames.DcAll)) ?? item.LangOf(feedLanguage);
        b.TitleDetail = FeedText.PlainDetail(titleElement, documentBase, detailLanguage);
        b.RightsDetail = FeedText.PlainDetail(rightsElement, documentBase, detailLanguage);
        b.GuidIsPermaLink = guidIsPermaLink;
        b.Publisher = FeedText.Person(item.ChildText("publisher", XmlNames.DcAll));
        b.License = LicenseOf(item, documentBase);
        b.Expires = FeedDates.Parse(item.ChildText("expirationDate", XmlNames.RssCore));
        b.CategoryDetails = categories;
        b.Extensions = FeedExtensions.Of(item, XmlNames.RssCore, ItemElements);
        var built = b.Build();
        return sourceElement is null ? built : built with
        {
            Source = new ParsedFeed("rss", FeedText.PlainTitle(sourceElement.Value),
                XmlBase.Resolve(sourceElement.Attr("url"), sourceElement, documentBase), null, [], null),
        };
    }

    /// <summary>An RSS link (text, or an href some feeds write on it) or an atom:link, in document order.</summary>
    private static List<(bool Core, FeedLinkInfo Info)> Links(XElement parent, Uri? documentBase)
    {
        var links = new List<(bool, FeedLinkInfo)>();
        foreach (var e in parent.Elements())
        {
            if (e.Name.LocalName != "link") continue;
            if (XmlNames.RssCore.Contains(e.Name.NamespaceName))
            {
                var value = e.HasElements ? null : e.Value.Trim();
                if (string.IsNullOrEmpty(value)) value = e.Attr("href");
                var href = XmlBase.Resolve(value, e, documentBase);
                if (href is not null) links.Add((true,
                    new FeedLinkInfo(e.Attr("rel") ?? "alternate", href, e.Attr("type"), null, null, null)));
            }
            else if (e.Name.NamespaceName == XmlNames.Atom10)
            {
                var href = XmlBase.Resolve(e.Attr("href"), e, documentBase);
                if (href is not null)
                    links.Add((false,
                        new FeedLinkInfo(e.Attr("rel")
                        ?? "alternate", href, e.Attr("type"), e.Attr("title"), e.Attr("hreflang"), e.Attr("length"))));
            }
        }
        return links;
    }

    /// <summary>RSS category (domain as scheme), a comma-separated &lt;tags&gt;, dc:subject, atom:category and iTunes
    /// keywords and categories (with their subcategories), in document order.</summary>
    private static FeedCategory[] Categories(XElement parent)
    {
        const string ITunesScheme = "http://www.itunes.com/";
        var list = new List<FeedCategory>();
        void Add(string? term, string? scheme, string? label)
        {
            var t = term is null ? null : FeedText.Clean(term);
            var l = label is null ? null : FeedText.Clean(label);
            if (t is null && scheme is null && l is null) return;
            var c = new FeedCategory(t, string.IsNullOrWhiteSpace(scheme) ? null : scheme.Trim(), l);
            if (!list.Contains(c)) list.Add(c);
        }
        foreach (var e in parent.Elements())
        {
            var ns = e.Name.NamespaceName;
            switch (e.Name.LocalName)
            {
                case "category" when XmlNames.RssCore.Contains(ns):
                    Add(e.Value, e.Attr("domain"), null);
                    break;
                case "tags" when XmlNames.RssCore.Contains(ns):
                    foreach (var tag in e.Value.Split(',')) Add(tag, null, null);
                    break;
                case "subject" when XmlNames.DcAll.Contains(ns):
                    Add(e.Value, null, null);
                    break;
                case "category" when ns == XmlNames.Atom10:
                    Add(e.Attr("term"), e.Attr("scheme"), e.Attr("label"));
                    break;
                case "keywords" when ns == XmlNames.ITunes:
                    foreach (var k in e.Value.Split(',')) Add(k, ITunesScheme, null);
                    break;
                case "category" when ns == XmlNames.ITunes:
                    Add(e.Attr("text"), ITunesScheme, null);
                    foreach (var sub in e.Children("category", XmlNames.ITunes)) Add(sub.Attr("text"), ITunesScheme, null);
                    break;
            }
        }
        return list.ToArray();
    }

    /// <summary>The channel's (or, in RSS 1.0, the document's) element of that name that has content, else any.</summary>
    private static XElement? Described(XElement channel, XElement root, string name)
    {
        var candidates = channel.Children(name, XmlNames.RssCore).Concat(root.Children(name, XmlNames.RssCore)).ToList();
        return candidates.FirstOrDefault(c => c.HasElements) ?? candidates.FirstOrDefault();
    }

    private static FeedImage? Image(XElement? image, Uri? documentBase)
    {
        if (image is null) return null;
        var url = XmlBase.Resolve(image.ChildText("url", XmlNames.RssCore) ?? image.Attribute(XName.Get("resource", XmlNames.Rdf))?.Value
                                  ?? image.Attribute(XName.Get("about", XmlNames.Rdf))?.Value, image, documentBase);
        var result = new FeedImage(url, FeedText.PlainTitle(image.ChildText("title", XmlNames.RssCore)),
            XmlBase.Resolve(image.ChildText("link", XmlNames.RssCore), image, documentBase),
            FeedText.ParseInt(image.ChildText("width", XmlNames.RssCore)), FeedText.ParseInt(image.ChildText("height", XmlNames.RssCore)),
            FeedText.PlainTitle(image.ChildText("description", XmlNames.RssCore)));
        return result == new FeedImage(null, null, null, null, null, null) ? null : result;
    }

    /// <summary>A channel-level media:content / media:thumbnail image or itunes:image, for feeds without an RSS image.</summary>
    private static string? ChannelMediaImage(XElement channel, Uri? documentBase)
    {
        foreach (var media in channel.Children("content", XmlNames.MediaAll))
        {
            var url = media.Attr("url");
            if (url is not null
                && (string.Equals(media.Attr("medium"), "image", StringComparison.OrdinalIgnoreCase)
                || FeedText.LooksLikeImage(media.Attr("type"), url)))
                return XmlBase.Resolve(url, media, documentBase);
        }
        var thumbnail = channel.Children("thumbnail", XmlNames.MediaAll).FirstOrDefault(t => t.Attr("url") is not null);
        if (thumbnail is not null) return XmlBase.Resolve(thumbnail.Attr("url"), thumbnail, documentBase);
        var itunes = channel.Child("image", XmlNames.ITunes);
        return itunes?.Attr("href") is { } href ? XmlBase.Resolve(href, itunes, documentBase) : null;
    }

    private static FeedCloud? Cloud(XElement? cloud) => cloud is null ? null
        : new FeedCloud(cloud.Attr("domain"), cloud.Attr("port"), cloud.Attr("path"), cloud.Attr("registerProcedure"),
            cloud.Attr("protocol"));

    private static FeedTextInput? TextInput(XElement? input, Uri? documentBase)
    {
        if (input is null) return null;
        var linkElement = input.Child("link", XmlNames.RssCore);
        return new FeedTextInput(FeedText.PlainTitle(input.ChildText("title", XmlNames.RssCore)),
            FeedText.PlainTitle(input.ChildText("description", XmlNames.RssCore)),
            FeedText.PlainTitle(input.ChildText("name", XmlNames.RssCore)),
                XmlBase.Resolve(linkElement?.Value, linkElement ?? input, documentBase));
    }

    private static string[] ListOf(XElement? parent, string child) =>
        parent is null ? [] : parent.Children(child, XmlNames.RssCore).Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToArray();

    private static string? NewLocation(XElement root, XElement? channel, Uri? documentBase)
    {
        var redirect = root.Child("redirect", XmlNames.RssCore) ?? channel?.Child("redirect", XmlNames.RssCore);
        var target = redirect?.ChildText("newLocation", XmlNames.RssCore) ?? channel?.ChildText("new-feed-url", XmlNames.ITunes);
        return XmlBase.Resolve(target, channel ?? root, documentBase);
    }

    private static string? LicenseOf(XElement item, Uri? documentBase)
    {
        var cc = item.Child("license", XmlNames.Cc);
        var value = cc?.Attribute(XName.Get("resource", XmlNames.Rdf))?.Value ?? cc?.Value
                    ?? item.ChildText("license", XmlNames.CreativeCommons);
        return XmlBase.Resolve(value, item, documentBase);
    }

    /// <summary>dcterms:valid as a DCMI period ("start=2002-10-13T09:00+01:00; end=2002-10-17T17:00+01:00; scheme=W3C-DTF").</summary>
    internal static (DateTimeOffset? Start, DateTimeOffset? End) Validity(string? period)
    {
        if (period is null) return (null, null);
        DateTimeOffset? start = null, end = null;
        foreach (var part in period.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq < 0) continue;
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim();
            if (key == "start") start = FeedDates.Parse(value);
            else if (key == "end") end = FeedDates.Parse(value);
        }
        return (start, end);
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
            var ns = (channel ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "item"))?.Name.NamespaceName
                     ?? root.GetDefaultNamespace().NamespaceName;
            return ns switch
            {
                XmlNames.Rss090 or "http://channel.netscape.com/rdf/simple/0.9/" => "rss090",
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
            "2.0" or "2" or "2.00" => "rss20",
            _ when v is not null && v.StartsWith("2.", StringComparison.Ordinal) => "rss20",
            _ => "rss",
        };
    }
}
