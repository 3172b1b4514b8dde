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

        var title = TextConstructPlain(root.Child("title", core), documentBase);
        var link = AlternateLink(root, core, documentBase);
        var language = root.LangInScope();
        var subtitle = TextConstructPlain(root.Child("subtitle", core) ?? root.Child("tagline", core), documentBase);
        var updated = FeedDates.Parse(root.ChildText("updated", core) ?? root.ChildText("modified", core));
        var feedAuthors = AuthorNames(root, core).ToList();

        var items = root.Children("entry", core).Select(e => ParseEntry(e, core, documentBase, feedAuthors)).ToList();
        return new ParsedFeed("atom", title, link, language, items, null)
        {
            Version = version,
            Subtitle = subtitle,
            Updated = updated,
        };
    }

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

        foreach (var name in AuthorNames(entry, core)) b.AddAuthor(name);
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
            if (enclosure.Attr("rel") == "enclosure" && FeedText.LooksLikeImage(enclosure.Attr("type"), enclosure.Attr("href")))
            {
                b.SetImageIfNone(XmlBase.Resolve(enclosure.Attr("href"), enclosure, documentBase));
            }
        }
        b.SetImageIfNone(RssParser.ImageOf(entry, documentBase));
        return b.Build();
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
        if (mode == "base64")
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(e.Value.Trim()));
                return (decoded, IsHtmlType(type) ? TextKind.Html : TextKind.Text);
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
                return (container.InnerMarkup(), TextKind.Html);
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
