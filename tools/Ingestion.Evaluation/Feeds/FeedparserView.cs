using System.Globalization;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Feeds.Html;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Our <see cref="ParsedFeed"/> seen through feedparser's keys (with its legacy aliases:
/// description→summary/subtitle, tagline→subtitle, url→href, guid→id, modified→updated, issued→published,
/// channel→feed, items→entries, date→updated, category→tags[0].term, copyright→rights). Keys our model has no value
/// for are absent. Plain-text fields (titles, rights, subtitles) appear HTML-encoded, so that comparing "as text"
/// reads them back as the same text. Elements of other namespaces appear as feedparser files unknown elements:
/// <c>prefix_name</c> (lower case), their text, or their attributes when they have some.</summary>
public static class FeedparserView
{
    public static Dictionary<string, object?> Of(ParsedFeed? feed, bool bozo)
    {
        var root = new Dictionary<string, object?> { ["bozo"] = bozo };
        var f = new Dictionary<string, object?>();
        var entries = new List<object?>();
        root["feed"] = f;
        root["channel"] = f;
        root["entries"] = entries;
        root["items"] = entries;
        if (feed is null) return root;

        root["encoding"] = feed.Encoding;
        root["version"] = feed.Version;
        FillFeed(f, feed);
        foreach (var item in feed.Items) entries.Add(Entry(item));
        return root;
    }

    private static void FillFeed(Dictionary<string, object?> f, ParsedFeed feed)
    {
        Plain(f, ["title"], feed.Title, feed.TitleDetail);
        Plain(f, ["subtitle", "description", "tagline"], feed.Subtitle, feed.SubtitleDetail);
        Html(f, ["info"], feed.InfoHtml, feed.InfoDetail);
        Plain(f, ["rights", "copyright"], feed.Rights, feed.RightsDetail);
        if (feed.Link is not null) f["link"] = feed.Link;
        if (feed.Links.Count > 0) f["links"] = feed.Links.Select(LinkOf).ToList();
        else if (feed.Link is not null) f["links"] = new List<object?> { Link(feed.Link) };
        if (feed.Language is not null) f["language"] = feed.Language;
        Date(f, ["updated", "modified", "date"], feed.Updated ?? feed.Published);
        Date(f, ["published", "issued"], feed.Published);
        Date(f, ["validity_start"], feed.ValidFrom);
        Date(f, ["validity_end"], feed.ValidUntil);
        if (feed.Id is not null) { f["id"] = feed.Id; f["guid"] = feed.Id; }
        if (feed.Generator is not null) f["generator"] = feed.Generator;
        if (feed.GeneratorDetail is { } g)
        {
            var d = new Dictionary<string, object?>();
            if (g.Name is not null) d["name"] = g.Name;
            if (g.Uri is not null) { d["href"] = g.Uri; d["url"] = g.Uri; }
            if (g.Version is not null) d["version"] = g.Version;
            f["generator_detail"] = d;
        }
        if (feed.Image is { } image)
        {
            var d = new Dictionary<string, object?>();
            if (image.Url is not null) { d["href"] = image.Url; d["url"] = image.Url; }
            if (image.Title is not null) d["title"] = Encode(image.Title);
            if (image.Link is not null) d["link"] = image.Link;
            if (image.Width is int w) d["width"] = w;
            if (image.Height is int h) d["height"] = h;
            if (image.Description is not null) d["description"] = Encode(image.Description);
            f["image"] = d;
        }
        else if (feed.ImageUrl is not null)
        {
            f["image"] = new Dictionary<string, object?> { ["href"] = feed.ImageUrl, ["url"] = feed.ImageUrl };
        }
        if (feed.Icon is not null) f["icon"] = feed.Icon;
        if (feed.Logo is not null) f["logo"] = feed.Logo;
        People(f, "author", feed.Authors);
        if (feed.Publisher is not null) People(f, "publisher", [feed.Publisher]);
        if (feed.Contributors.Count > 0) f["contributors"] = feed.Contributors.Select(Person).Cast<object?>().ToList();
        Tags(f, feed.CategoryDetails, feed.Categories);
        if (feed.TtlMinutes is int ttl) f["ttl"] = ttl.ToString(CultureInfo.InvariantCulture);
        if (feed.Docs is not null) f["docs"] = feed.Docs;
        if (feed.NewLocation is not null) f["newlocation"] = feed.NewLocation;
        if (feed.Cloud is { } cloud)
        {
            var d = new Dictionary<string, object?>();
            if (cloud.Domain is not null) d["domain"] = cloud.Domain;
            if (cloud.Port is not null) d["port"] = cloud.Port;
            if (cloud.Path is not null) d["path"] = cloud.Path;
            if (cloud.RegisterProcedure is not null) d["registerprocedure"] = cloud.RegisterProcedure;
            if (cloud.Protocol is not null) d["protocol"] = cloud.Protocol;
            f["cloud"] = d;
        }
        if (feed.TextInput is { } input)
        {
            var d = new Dictionary<string, object?>();
            if (input.Title is not null) d["title"] = Encode(input.Title);
            if (input.Description is not null) d["description"] = Encode(input.Description);
            if (input.Name is not null) d["name"] = Encode(input.Name);
            if (input.Link is not null) d["link"] = input.Link;
            f["textinput"] = d;
        }
        Extensions(f, feed.Extensions);
    }

    private static Dictionary<string, object?> Entry(ParsedItem item)
    {
        var e = new Dictionary<string, object?>();
        var info = item.Info;
        Plain(e, ["title"], info.Title, item.TitleDetail);
        if (item.HasLink) e["link"] = item.Link;
        if (item.Links.Count > 0) e["links"] = item.Links.Select(LinkOf).ToList();
        else if (item.HasLink) e["links"] = new List<object?> { Link(item.Link) };
        if (info.Id is not null) { e["id"] = info.Id; e["guid"] = info.Id; }
        Html(e, ["summary", "description"], info.Summary, item.SummaryDetail);
        if (item.ContentHtml is not null || item.ContentSource is not null)
        {
            var c = new Dictionary<string, object?> { ["value"] = item.ContentHtml ?? "" };
            if (item.ContentDetail is { } d) { c["type"] = d.Type; c["language"] = d.Language; c["base"] = d.Base; }
            if (item.ContentSource is not null) c["src"] = item.ContentSource;
            e["content"] = new List<object?> { c };
        }
        Date(e, ["published", "issued", "created"], info.Published);
        Date(e, ["updated", "modified", "date"], info.Updated ?? info.Published);
        Date(e, ["expired"], item.Expires);
        if (item.AuthorDetails.Count > 0) People(e, "author", item.AuthorDetails);
        else if (info.Authors.Count > 0) People(e, "author", info.Authors.Select(a => new FeedPerson(a, null, null)).ToList());
        if (item.Publisher is not null) People(e, "publisher", [item.Publisher]);
        if (item.Contributors.Count > 0) e["contributors"] = item.Contributors.Select(Person).Cast<object?>().ToList();
        Plain(e, ["rights", "copyright"], item.Rights, item.RightsDetail);
        if (item.Comments is not null) e["comments"] = item.Comments;
        if (item.License is not null) e["license"] = item.License;
        if (item.Enclosures.Count > 0)
            e["enclosures"] = item.Enclosures.Select(x =>
                (object?)new Dictionary<string, object?> { ["href"] = x.Url, ["url"] = x.Url, ["type"] = x.Type,
                ["length"] = x.Length }).ToList();
        Tags(e, item.CategoryDetails, info.Categories);
        if (info.ImageUrl is not null) e["image"] = new Dictionary<string, object?> { ["href"] = info.ImageUrl, ["url"] = info.ImageUrl };
        if (info.Language is not null) e["language"] = info.Language;
        if (item.Source is { } source)
        {
            var src = new Dictionary<string, object?>();
            FillFeed(src, source);
            if (source.Link is not null) src["href"] = source.Link;
            e["source"] = src;
        }
        Extensions(e, item.Extensions);
        return e;
    }

    /// <summary>feedparser's tags: term, scheme (RSS domain), label; and "category", the first term.</summary>
    private static void Tags(Dictionary<string, object?> d, IReadOnlyList<FeedCategory> details, IReadOnlyList<string> names)
    {
        if (details.Count > 0)
        {
            d["tags"] = details.Select(c =>
            {
                var t = new Dictionary<string, object?> { ["term"] = c.Term, ["scheme"] = c.Scheme, ["label"] = c.Label };
                return (object?)t;
            }).ToList();
            if (details.FirstOrDefault(c => c.Term is not null)?.Term is { } first) d["category"] = first;
        }
        else if (names.Count > 0)
        {
            d["category"] = names[0];
            d["tags"] = names.Select(c => (object?)new Dictionary<string, object?> { ["term"] = c }).ToList();
        }
    }

    /// <summary>Extension elements under feedparser's keys for unknown elements.</summary>
    private static void Extensions(Dictionary<string, object?> d,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> extensions)
    {
        foreach (var (prefix, byName) in extensions)
        {
            if (prefix.Length == 0) continue;
            foreach (var (name, list) in byName)
            {
                var key = (prefix + "_" + name).ToLowerInvariant();
                if (d.ContainsKey(key) || list.Count == 0) continue;
                var x = list[^1];
                d[key] = x.Attributes.Count > 0 ? x.Attributes.ToDictionary(a => a.Key.ToLowerInvariant(), a => (object?)a.Value) : x.Value;
            }
        }
    }

    private static Dictionary<string, object?> Person(FeedPerson p)
    {
        var d = new Dictionary<string, object?>();
        if (p.Name is not null) d["name"] = p.Name;
        if (p.Email is not null) d["email"] = p.Email;
        if (p.Uri is not null) { d["href"] = p.Uri; d["url"] = p.Uri; }
        return d;
    }

    /// <summary>feedparser's author / author_detail / authors; the flat author is "name (email)" when both are known.</summary>
    private static void People(Dictionary<string, object?> d, string key, IReadOnlyList<FeedPerson> people)
    {
        if (people.Count == 0) return;
        var first = people[0];
        d[key] = first.Name is not null && first.Email is not null ? $"{first.Name} ({first.Email})" : first.Name ?? first.Email
            ?? first.Uri;
        d[key + "_detail"] = Person(first);
        if (key == "author") d[key + "s"] = people.Select(Person).Cast<object?>().ToList();
    }

    private static object? LinkOf(FeedLinkInfo l)
    {
        var d = new Dictionary<string, object?> { ["rel"] = l.Rel, ["href"] = l.Href, ["url"] = l.Href };
        if (l.Type is not null) d["type"] = l.Type;
        if (l.Title is not null) d["title"] = l.Title;
        if (l.HrefLang is not null) d["hreflang"] = l.HrefLang;
        if (l.Length is not null) d["length"] = l.Length;
        return d;
    }

    private static Dictionary<string, object?> Link(string href) =>
        new() { ["rel"] = "alternate", ["href"] = href, ["url"] = href, ["type"] = "text/html" };

    /// <summary>Plain text as HTML (so that "as text" comparison reads back the same text).</summary>
    private static string Encode(string text) => HtmlSanitizer.EncodeText(text);

    /// <summary>A plain-text field and its detail; the detail is present when the element was (even empty).</summary>
    private static void Plain(Dictionary<string, object?> d, string[] keys, string? value, FeedTextInfo? detail) =>
        Html(d, keys, value is null ? null : Encode(value), detail);

    private static void Html(Dictionary<string, object?> d, string[] keys, string? html, FeedTextInfo? detail)
    {
        if (html is null && detail is null) return;
        foreach (var key in keys)
        {
            if (html is not null) d[key] = html;
            if (detail is not null)
                d[key + "_detail"] = new Dictionary<string, object?> { ["value"] = html
                    ?? "", ["type"] = detail.Type, ["language"] = detail.Language, ["base"] = detail.Base };
        }
    }

    private static void Date(Dictionary<string, object?> d, string[] keys, DateTimeOffset? value)
    {
        if (value is null) return;
        foreach (var key in keys)
        {
            d[key] = value.Value;
            d[key + "_parsed"] = TextCompare.StructTime(value);
        }
    }
}
