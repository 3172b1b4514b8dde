using System.Text;
using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain;

/// <summary>Atom 1.0 (RFC 4287) and Atom 0.3: text constructs (text, html, xhtml; 0.3 modes escaped, xml, base64),
/// xml:base, xml:lang, author inheritance from the feed and from atom:source.</summary>
internal static class AtomParser
{
    public static ParsedFeed Parse(XElement root, Uri? documentBase)
    {
        var ns = root.Name.NamespaceName;
        var version = ns switch
        {
            XmlNames.Atom10 => "atom10",
            XmlNames.Atom03 => "atom03",
            _ => "atom",
        };
        var core = new HashSet<string> { ns };

        var feedAuthors = AuthorNames(root, core).ToList();
        var items = root.Children("entry", core).Select(e => ParseEntry(e, core, documentBase, feedAuthors)).ToList();
        return FeedLevel(root, core, documentBase, items) with { Version = version };
    }

    /// <summary>What a feed element (or an entry's atom:source) says about the feed.</summary>
    private static ParsedFeed FeedLevel(XElement root, HashSet<string> core, Uri? documentBase, List<ParsedItem> items) =>
        new("atom", TextConstructPlain(root.Child("title", core), documentBase), AlternateLink(root, core, documentBase), root.LangInScope(), items, null)
        {
            Subtitle = TextConstructPlain(root.Child("subtitle", core) ?? root.Child("tagline", core), documentBase),
            Updated = FeedDates.Parse(root.ChildText("updated", core) ?? root.ChildText("modified", core)),
            Rights = TextConstructPlain(root.Child("rights", core) ?? root.Child("copyright", core), documentBase),
            Id = FeedText.Clean(root.ChildText("id", core)),
            Generator = FeedText.Clean(root.Child("generator", core)?.Value),
            ImageUrl = XmlBase.Resolve(root.ChildText("logo", core) ?? root.ChildText("icon", core), root, documentBase),
            Authors = People(root, "author", core, documentBase).ToArray(),
            Links = Links(root, core, documentBase),
            Contributors = People(root, "contributor", core, documentBase).ToArray(),
            Categories = root.Children("category", core).Select(c => FeedText.Clean(c.Attr("term") ?? c.Attr("label") ?? c.Value))
                .OfType<string>().Distinct().ToArray(),
        };

    private static ParsedItem ParseEntry(XElement entry, HashSet<string> core, Uri? documentBase, List<string> feedAuthors)
    {
        var b = new ItemBuilder
        {
            Title = TextConstructPlain(entry.Child("title", core), documentBase),
            Link = AlternateLink(entry, core, documentBase),
            Id = entry.ChildText("id", core),
            Published = FeedDates.Parse(entry.ChildText("published", core))
                        ?? FeedDates.Parse(entry.ChildText("issued", core))
                        ?? FeedDates.Parse(entry.ChildText("created", core)),
            Updated = FeedDates.Parse(entry.ChildText("updated", core)) ?? FeedDates.Parse(entry.ChildText("modified", core)),
            Language = entry.LangInScope(),
        };
        b.Published ??= FeedDates.Parse(entry.ChildText("date", XmlNames.DcAll));
        // As feedparser does ("guidislink"), an entry without a link is linked by its id, but only when that id is a web URL.
        if (b.Link is null && b.Id is { } id && (id.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || id.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            b.Link = id;

        foreach (var person in People(entry, "author", core, documentBase)) b.AddAuthorDetail(person);
        b.Contributors.AddRange(People(entry, "contributor", core, documentBase));
        b.Rights = TextConstructPlain(entry.Child("rights", core) ?? entry.Child("copyright", core), documentBase);
        b.Links = Links(entry, core, documentBase);
        foreach (var creator in entry.Children("creator", XmlNames.DcAll)) b.AddAuthor(creator.Value);
        if (b.AuthorCount == 0 && entry.Child("source", core) is { } source)
            foreach (var name in AuthorNames(source, core)) b.AddAuthor(name);
        if (b.AuthorCount == 0)
            foreach (var name in feedAuthors) b.AddAuthor(name);

        foreach (var category in entry.Children("category", core)) b.AddCategory(category.Attr("term") ?? category.Attr("label") ?? category.Value);
        foreach (var subject in entry.Children("subject", XmlNames.DcAll)) b.AddCategory(subject.Value);

        b.SummaryHtml = TextConstructHtml(entry.Child("summary", core), documentBase);
        var content = entry.Children("content", core).FirstOrDefault(c => c.Attribute("src") is null);
        b.ContentHtml = TextConstructHtml(content, documentBase);

        foreach (var enclosure in entry.Children("link", core))
        {
            if (enclosure.Attr("rel") == "enclosure")
                b.AddEnclosure(XmlBase.Resolve(enclosure.Attr("href"), enclosure, documentBase), enclosure.Attr("type"), enclosure.Attr("length"));
            if (enclosure.Attr("rel") == "enclosure" && FeedText.LooksLikeImage(enclosure.Attr("type"), enclosure.Attr("href")))
            {
                b.SetImageIfNone(XmlBase.Resolve(enclosure.Attr("href"), enclosure, documentBase));
            }
        }
        b.SetImageIfNone(RssParser.ImageOf(entry, documentBase));
        var built = b.Build();
        return entry.Child("source", core) is { } src ? built with { Source = FeedLevel(src, core, documentBase, []) } : built;
    }

    /// <summary>Every link element with an href, in document order.</summary>
    private static FeedLinkInfo[] Links(XElement parent, HashSet<string> core, Uri? documentBase) =>
        parent.Children("link", core)
            .Select(l => (Element: l, Href: XmlBase.Resolve(l.Attr("href") ?? (l.HasElements ? null : l.Value.Trim()), l, documentBase)))
            .Where(x => !string.IsNullOrEmpty(x.Href))
            .Select(x => new FeedLinkInfo(x.Element.Attr("rel") ?? "alternate", x.Href!, x.Element.Attr("type"), x.Element.Attr("title"),
                x.Element.Attr("hreflang"), x.Element.Attr("length")))
            .ToArray();

    /// <summary>Atom person constructs (name, email, uri — Atom 0.3's url) under <paramref name="parent"/>.</summary>
    private static IEnumerable<FeedPerson> People(XElement parent, string element, HashSet<string> core, Uri? documentBase)
    {
        foreach (var p in parent.Children(element, core))
        {
            if (!p.HasElements)
            {
                if (FeedText.Person(p.Value) is { } plain) yield return plain;
                continue;
            }
            var uriElement = p.Child("uri", core) ?? p.Child("url", core);
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

    internal static string? TextConstructPlain(XElement? e, Uri? documentBase)
    {
        if (e is null) return null;
        var (value, kind) = Read(e);
        return kind == TextKind.Text ? FeedText.Clean(value) : HtmlText.ToPlainText(value);
    }

    internal static string? TextConstructHtml(XElement? e, Uri? documentBase)
    {
        if (e is null) return null;
        var (value, kind) = Read(e);
        if (string.IsNullOrWhiteSpace(value)) return null;
        return kind == TextKind.Text
            ? HtmlSanitizer.EncodeText(value.Trim())
            : HtmlSanitizer.Sanitize(value, XmlBase.BaseOf(e, documentBase));
    }

    private enum TextKind { Text, Html }

    private static (string Value, TextKind Kind) Read(XElement e)
    {
        var type = (e.Attr("type") ?? "text").ToLowerInvariant();
        var mode = e.Attr("mode")?.ToLowerInvariant();
        // RFC 4287 3.1.1 / 4.1.3.3: a media type that is neither text/* nor XML is base64-encoded content.
        var isBinaryType = type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal)
                           && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal)
                           && type != "application/xhtml+xml";
        if (mode == "base64" || (mode is null && isBinaryType && !e.HasElements))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(e.Value.Trim()));
                return (decoded, IsHtmlType(type) || LooksLikeMarkup(decoded) ? TextKind.Html : TextKind.Text);
            }
            catch (FormatException)
            {
                return (string.Empty, TextKind.Text);
            }
        }
        if (mode == "escaped") return (e.Value, IsHtmlType(type) || type == "text" && LooksLikeMarkup(e.Value) ? TextKind.Html : TextKind.Text);

        switch (type)
        {
            case "xhtml":
            case "application/xhtml+xml":
                var div = e.Elements().FirstOrDefault(c => c.Name.LocalName == "div");
                var container = div is not null && e.Elements().Count() == 1 ? div : e;
                // Serialised as XML: escaped text (&lt;blink&gt;) stays text, it does not become markup.
                return (string.Concat(container.Nodes().Select(n => n.ToString(System.Xml.Linq.SaveOptions.DisableFormatting))), TextKind.Html);
            case "html":
            case "text/html":
                return (e.HasElements ? e.InnerMarkup() : e.Value, TextKind.Html);
            default:
                // "text", "text/plain", Atom 0.3's default mode "xml": inline markup is markup
                return e.HasElements ? (e.InnerMarkup(), TextKind.Html) : (e.Value, TextKind.Text);
        }
    }

    private static bool IsHtmlType(string type) => type is "html" or "text/html" or "xhtml" or "application/xhtml+xml";

    private static bool LooksLikeMarkup(string s) => s.Contains('<') && s.Contains('>');
}
