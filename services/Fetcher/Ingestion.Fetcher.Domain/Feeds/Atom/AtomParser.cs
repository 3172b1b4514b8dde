using System.Text;
using System.Xml.Linq;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Ingestion.Fetcher.Domain.Feeds.Rss;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds.Atom;

/// <summary>Atom 1.0 (RFC 4287) and Atom 0.3: text constructs (text, html, xhtml; 0.3 modes escaped, xml, base64),
/// xml:base, xml:lang, author inheritance from the feed and from atom:source.</summary>
internal static class AtomParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static ParsedFeed Parse(XElement root, Uri? documentBase, string? contentLanguage = null)
    {
        var ns = root.Name.NamespaceName;
        var version = ns switch
        {
            XmlNames.Atom10 => "atom10",
            XmlNames.Atom03 => "atom03",
            _ => "atom",
        };
        var scope = new Scope(new HashSet<string> { ns }, documentBase, XmlQuery.NormalizeLanguage(contentLanguage), version == "atom10");

        var feedAuthors = AuthorNames(root, scope.Core).ToList();
        // Early Atom 0.3 producers wrote <item> for <entry>; feedparser reads both.
        var items = root.Elements().Where(e => e.Name.LocalName is "entry" or "item" && scope.Core.Contains(e.Name.NamespaceName))
            .Select(e => ParseEntry(e, scope, feedAuthors)).ToList();
        return FeedLevel(root, scope, items) with { Version = version, VersionText = version == "atom10" ? "1.0" : root.Attr("version") };
    }

    /// <summary>What the parse of one document shares: the format's namespace, the document URL, the HTTP
    /// Content-Language, and whether this is Atom 1.0 (whose xhtml constructs wrap their content in a div).</summary>
    private sealed record Scope(HashSet<string> Core, Uri? DocumentBase, string? ContentLanguage, bool IsAtom10);

    /// <summary>What a feed element (or an entry's atom:source) says about the feed.</summary>
    private static ParsedFeed FeedLevel(XElement root, Scope scope, List<ParsedItem> items)
    {
        var core = scope.Core;
        var documentBase = scope.DocumentBase;
        var title = TextConstruct(root.Child("title", core), scope);
        var subtitle = TextConstruct(root.Child("subtitle", core) ?? root.Child("tagline", core), scope);
        var rights = TextConstruct(root.Child("rights", core) ?? root.Child("copyright", core), scope);
        var info = TextConstruct(root.Child("info", core), scope);
        var generator = root.Child("generator", core);
        var generatorName = FeedText.Clean(generator?.Value);
        var generatorUri = generator is null ? null
            : XmlBase.Resolve(generator.Attr("uri") ?? generator.Attr("url"), generator, documentBase);
        var logoElement = root.Child("logo", core);
        var iconElement = root.Child("icon", core);
        var logo = logoElement is null ? null : XmlBase.Resolve(logoElement.Value, logoElement, documentBase);
        var icon = iconElement is null ? null : XmlBase.Resolve(iconElement.Value, iconElement, documentBase);
        var links = Links(root, core, documentBase);
        var categories = Categories(root, core);
        return new ParsedFeed("atom", title?.Plain, AlternateLink(root, core, documentBase), root.LangOf(scope.ContentLanguage), items,
            null)
        {
            TitleDetail = title?.Detail,
            Subtitle = subtitle?.Plain,
            SubtitleDetail = subtitle?.Detail,
            Rights = rights?.Plain,
            RightsDetail = rights?.Detail,
            InfoHtml = info?.Html,
            InfoDetail = info?.Detail,
            Updated = FeedDates.Parse(root.ChildText("updated", core) ?? root.ChildText("modified", core)),
            Published = FeedDates.Parse(root.ChildText("published", core) ?? root.ChildText("issued", core)),
            Id = ResolveId(root.Child("id", core), documentBase),
            Generator = generatorName,
            GeneratorDetail = generator is null ? null : new FeedGenerator(generatorName, generatorUri, generator.Attr("version")),
            Icon = icon,
            Logo = logo,
            ImageUrl = logo ?? icon,
            Authors = People(root, "author", core, documentBase).ToArray(),
            Links = links,
            FeedUrl = links.FirstOrDefault(l => l.Rel == "self" && l.Href.Length > 0)?.Href,
            Contributors = People(root, "contributor", core, documentBase).ToArray(),
            Categories = categories.Select(c => c.Term ?? c.Label).OfType<string>().Distinct().ToArray(),
            CategoryDetails = categories,
            Extensions = FeedExtensions.Of(root, core, null),
        };
    }

    private static ParsedItem ParseEntry(XElement entry, Scope scope, List<string> feedAuthors)
    {
        var core = scope.Core;
        var documentBase = scope.DocumentBase;
        var title = TextConstruct(entry.Child("title", core), scope);
        var b = new ItemBuilder
        {
            Title = title?.Plain,
            TitleDetail = title?.Detail,
            Link = AlternateLink(entry, core, documentBase),
            Id = ResolveId(entry.Child("id", core), documentBase),
            Published = FeedDates.Parse(entry.ChildText("published", core))
                        ?? FeedDates.Parse(entry.ChildText("issued", core))
                        ?? FeedDates.Parse(entry.ChildText("created", core)),
            Updated = FeedDates.Parse(entry.ChildText("updated", core)) ?? FeedDates.Parse(entry.ChildText("modified", core)),
            Language = entry.LangOf(scope.ContentLanguage),
        };
        b.Published ??= FeedDates.Parse(entry.ChildText("date", XmlNames.DcAll));
        // As feedparser does ("guidislink"), an entry without a link is linked by its id, but only when that id is written
        // as a web URL (not a relative id that resolving turned into one).
        if (b.Link is null && FeedText.Clean(entry.Child("id", core)?.Value) is { } id
            && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            b.Link = b.Id;

        foreach (var person in People(entry, "author", core, documentBase)) b.AddAuthorDetail(person);
        b.Contributors.AddRange(People(entry, "contributor", core, documentBase));
        var rights = TextConstruct(entry.Child("rights", core) ?? entry.Child("copyright", core), scope);
        b.Rights = rights?.Plain;
        b.RightsDetail = rights?.Detail;
        b.Links = Links(entry, core, documentBase);
        foreach (var creator in entry.Children("creator", XmlNames.DcAll)) b.AddAuthor(creator.Value);
        if (b.AuthorCount == 0 && entry.Child("source", core) is { } source)
            foreach (var name in AuthorNames(source, core)) b.AddAuthor(name);
        if (b.AuthorCount == 0)
            foreach (var name in feedAuthors) b.AddAuthor(name);

        var categories = Categories(entry, core);
        foreach (var category in categories) b.AddCategory(category.Term ?? category.Label);
        foreach (var subject in entry.Children("subject", XmlNames.DcAll)) b.AddCategory(subject.Value);
        b.CategoryDetails = categories;

        var summary = TextConstruct(entry.Child("summary", core), scope);
        b.SummaryHtml = summary?.Html;
        b.SummaryDetail = summary?.Detail;
        var contents = entry.Children("content", core).ToList();
        var content = contents.FirstOrDefault(c => c.Attribute("src") is null);
        if (content is not null)
        {
            var c = TextConstruct(content, scope)!;
            b.ContentHtml = c.Html;
            b.ContentDetail = c.Detail;
        }
        else if (contents.FirstOrDefault() is { } remote)
        {
            b.ContentSource = XmlBase.Resolve(remote.Attr("src"), remote, documentBase);
            b.ContentDetail = FeedText.Detail(remote, MediaType(remote.Attr("type"), scope.IsAtom10), documentBase, scope.ContentLanguage);
        }

        foreach (var enclosure in entry.Children("link", core))
        {
            if (enclosure.Attr("rel") == "enclosure")
                b.AddEnclosure(XmlBase.Resolve(enclosure.Attr("href"), enclosure, documentBase), enclosure.Attr("type"),
                    enclosure.Attr("length"));
            if (enclosure.Attr("rel") == "enclosure" && FeedText.LooksLikeImage(enclosure.Attr("type"), enclosure.Attr("href")))
            {
                b.SetImageIfNone(XmlBase.Resolve(enclosure.Attr("href"), enclosure, documentBase));
            }
        }
        b.SetImageIfNone(RssParser.ImageOf(entry, documentBase));
        b.SetImageIfNone(HtmlSanitizer.FirstImage(b.SummaryHtml) ?? HtmlSanitizer.FirstImage(b.ContentHtml));
        b.License = b.Links.FirstOrDefault(l => l.Rel == "license" && l.Href.Length > 0)?.Href;
        b.Extensions = FeedExtensions.Of(entry, core, null);
        var built = b.Build();
        return entry.Child("source", core) is { } src ? built with { Source = FeedLevel(src, scope, []) } : built;
    }

    /// <summary>An Atom id as written, resolved against xml:base when it is a relative reference (as feedparser and
    /// gofeed read it); null when empty.</summary>
    private static string? ResolveId(XElement? id, Uri? documentBase)
    {
        var value = FeedText.Clean(id?.Value);
        if (value is null) return null;
        if (XmlBase.IsAbsolute(value) || value.Contains(':')) return value;
        return XmlBase.Resolve(value, id, documentBase) ?? value;
    }

    /// <summary>Every link element in document order; an href that is missing stays empty, an empty one means the base URI.</summary>
    private static FeedLinkInfo[] Links(XElement parent, HashSet<string> core, Uri? documentBase) =>
        parent.Children("link", core)
            .Select(l =>
            {
                var href = l.Attribute("href") is { } attribute
                    ? (attribute.Value.Trim().Length == 0 ? XmlBase.BaseText(l, documentBase)
                        : XmlBase.Resolve(attribute.Value, l, documentBase))
                    : XmlBase.Resolve(l.HasElements ? null : l.Value.Trim(), l, documentBase);
                return new FeedLinkInfo(l.Attr("rel") ?? "alternate", href
                    ?? "", l.Attr("type"), l.Attr("title"), l.Attr("hreflang"), l.Attr("length"));
            })
            .ToArray();

    private static FeedCategory[] Categories(XElement parent, HashSet<string> core) =>
        parent.Children("category", core)
            .Select(c =>
                new FeedCategory(FeedText.Clean(c.Attr("term") ?? (c.HasAttributes ? null : c.Value)), c.Attr("scheme"),
                FeedText.Clean(c.Attr("label"))))
            .Where(c => c.Term is not null || c.Scheme is not null || c.Label is not null)
            .Distinct()
            .ToArray();

    /// <summary>Atom person constructs (name, email, uri — Atom 0.3's url or homepage) under <paramref name="parent"/>.</summary>
    private static IEnumerable<FeedPerson> People(XElement parent, string element, HashSet<string> core, Uri? documentBase)
    {
        foreach (var p in parent.Children(element, core))
        {
            if (!p.HasElements)
            {
                if (FeedText.Person(p.Value) is { } plain) yield return plain;
                continue;
            }
            var uriElement = p.Child("uri", core) ?? p.Child("url", core) ?? p.Child("homepage", core);
            var person = new FeedPerson(
                FeedText.Clean(p.ChildText("name", core)),
                FeedText.Clean(p.ChildText("email", core)),
                uriElement is null ? null : XmlBase.Resolve(uriElement.Value, uriElement, documentBase));
            if (person.Name is not null || person.Email is not null || person.Uri is not null) yield return person;
        }
    }

    private static IEnumerable<string> AuthorNames(XElement parent, HashSet<string> core)
    {
        foreach (var author in parent.Children("author", core))
        {
            var name = author.ChildText("name", core) ?? author.ChildText("email", core);
            if (name is null && !author.HasElements) name = author.Value.Trim();
            if (!string.IsNullOrEmpty(name)) yield return name;
        }
    }

    /// <summary>rel="alternate" (or no rel) link, preferring an HTML type; resolved against xml:base.</summary>
    private static string? AlternateLink(XElement parent, HashSet<string> core, Uri? documentBase)
    {
        var alternates = parent.Children("link", core)
            .Where(l => (l.Attr("rel") ?? "alternate") == "alternate" && (l.Attr("href") ?? l.Value.Trim()).Length > 0)
            .ToList();
        if (alternates.Count == 0) return null;
        var best = alternates.FirstOrDefault(l => l.Attr("type") is null or "text/html" or "application/xhtml+xml") ?? alternates[0];
        return XmlBase.Resolve(best.Attr("href") ?? best.Value, best, documentBase);
    }

    /// <summary>A text construct read: plain text, sanitized HTML and how it was written.</summary>
    private sealed record Construct(string? Plain, string? Html, FeedTextInfo Detail);

    private static Construct? TextConstruct(XElement? e, Scope scope)
    {
        if (e is null) return null;
        var (value, kind) = Read(e, scope.IsAtom10);
        var detail = FeedText.Detail(e, MediaType(e.Attr("type"), scope.IsAtom10), scope.DocumentBase, scope.ContentLanguage);
        if (string.IsNullOrWhiteSpace(value)) return new Construct(null, null, detail);
        return kind == TextKind.Text
            ? new Construct(FeedText.Clean(value), HtmlSanitizer.EncodeText(value.Trim()), detail)
            : new Construct(HtmlText.ToPlainText(value), HtmlSanitizer.Sanitize(value, XmlBase.BaseOf(e, scope.DocumentBase)), detail);
    }

    /// <summary>The media type of a text construct as feedparser reports it: Atom 1.0's text/html/xhtml as
    /// text/plain, text/html, application/xhtml+xml; a declared media type as written; text/plain by default.</summary>
    private static string MediaType(string? type, bool isAtom10)
    {
        var t = (type ?? "text").Trim().ToLowerInvariant();
        return t switch
        {
            "text" or "" => "text/plain",
            "html" => "text/html",
            "xhtml" => "application/xhtml+xml",
            _ => t,
        };
    }

    private enum TextKind { Text, Html }

    private static (string Value, TextKind Kind) Read(XElement e, bool isAtom10)
    {
        var type = (e.Attr("type") ?? "text").ToLowerInvariant();
        var mode = e.Attr("mode")?.ToLowerInvariant();
        // RFC 4287 3.1.1 / 4.1.3.3: a media type that is neither text/* nor XML is base64-encoded content.
        var isBinaryType = type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal)
                           && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal)
                           && type != "application/xhtml+xml";
        if (mode == "base64" || (mode is null && isBinaryType && !e.HasElements))
        {
            // Content that is not base64 of UTF-8 text (JSON, a custom type written as text) is kept as written.
            if (TryBase64Text(e.Value.Trim(), out var decoded))
                return (decoded, IsHtmlType(type)
                    || (LooksLikeMarkup(decoded) && !isBinaryType && type != "text/plain" && type != "text") ? TextKind.Html
                    : TextKind.Text);
            if (mode == "base64") return (string.Empty, TextKind.Text);
            return (e.Value, TextKind.Text);
        }
        if (mode == "escaped") return (e.Value, IsHtmlType(type) || type == "text"
            && LooksLikeMarkup(e.Value) ? TextKind.Html : TextKind.Text);

        switch (type)
        {
            case "xhtml":
            case "application/xhtml+xml":
                // Atom 1.0 wraps xhtml content in one div that is not part of it; Atom 0.3's div is content.
                var div = e.Elements().FirstOrDefault(c => c.Name.LocalName == "div");
                var container = isAtom10 && type == "xhtml" && div is not null && e.Elements().Count() == 1 ? div : e;
                // Written as HTML source: escaped text (&lt;blink&gt;) stays text, it does not become markup.
                return (XmlQuery.XhtmlAsHtml(container.Nodes()), TextKind.Html);
            case "html":
            case "text/html":
                // TypePad wrote escaped HTML inside an XHTML div of a type="html" construct: the div's text is the HTML.
                if (e.Elements().Count() == 1 && e.Elements().First() is { Name.LocalName: "div" } typepad && !typepad.HasElements
                    && string.IsNullOrWhiteSpace(string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value)))
                        && typepad.Value.Contains('<'))
                    return (typepad.Value, TextKind.Html);
                return (e.HasElements ? e.InnerMarkup() : e.Value, TextKind.Html);
            default:
                // "text", "text/plain", Atom 0.3's default mode "xml": inline markup is markup
                return e.HasElements ? (e.InnerMarkup(), TextKind.Html) : (e.Value, TextKind.Text);
        }
    }

    private static bool TryBase64Text(string s, out string text)
    {
        text = "";
        if (s.Length == 0) return false;
        try
        {
            var bytes = Convert.FromBase64String(s);
            text = StrictUtf8.GetString(bytes);
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsHtmlType(string type) => type is "html" or "text/html" or "xhtml" or "application/xhtml+xml";

    private static bool LooksLikeMarkup(string s) => s.Contains('<') && s.Contains('>');
}
