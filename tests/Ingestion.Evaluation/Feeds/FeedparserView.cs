using Ingestion.Fetcher.Domain;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Our <see cref="ParsedFeed"/> seen through feedparser's keys (with its legacy aliases:
/// description→summary/subtitle, tagline→subtitle, url→href, guid→id, modified→updated, issued→published,
/// channel→feed, items→entries, date→updated, category→tags[0].term). Keys our model has no value for are absent.</summary>
public static class FeedparserView
{
    public static Dictionary<string, object?> Of(ParsedFeed? feed, bool bozo, string? language, string? baseUrl)
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
        var lang = feed.Language ?? language;
        FillFeed(f, feed, lang, baseUrl);
        foreach (var item in feed.Items) entries.Add(Entry(item, lang, baseUrl));
        return root;
    }

    private static void FillFeed(Dictionary<string, object?> f, ParsedFeed feed, string? lang, string? baseUrl)
    {
        Text(f, "title", feed.Title, "text/plain", lang, baseUrl);
        if (feed.Subtitle is not null)
        {
            foreach (var alias in new[] { "subtitle", "description", "tagline", "info" }) Text(f, alias, feed.Subtitle, "text/html", lang, baseUrl);
        }
        if (feed.Link is not null) f["link"] = feed.Link;
        if (feed.Links.Count > 0) f["links"] = feed.Links.Select(LinkOf).ToList();
        else if (feed.Link is not null) f["links"] = new List<object?> { Link(feed.Link) };
        if (lang is not null) f["language"] = lang;
        Date(f, "updated", feed.Updated);
        Date(f, "modified", feed.Updated);
        Date(f, "date", feed.Updated);
        if (feed.Rights is not null) { Text(f, "rights", feed.Rights, "text/plain", lang, baseUrl); Text(f, "copyright", feed.Rights, "text/plain", lang, baseUrl); }
        if (feed.Id is not null) { f["id"] = feed.Id; f["guid"] = feed.Id; }
        if (feed.Generator is not null) { f["generator"] = feed.Generator; f["generator_detail"] = new Dictionary<string, object?> { ["name"] = feed.Generator }; }
        if (feed.ImageUrl is not null) f["image"] = new Dictionary<string, object?> { ["href"] = feed.ImageUrl, ["url"] = feed.ImageUrl };
        People(f, "author", feed.Authors);
        if (feed.Contributors.Count > 0) f["contributors"] = feed.Contributors.Select(Person).Cast<object?>().ToList();
        if (feed.Categories.Count > 0)
        {
            f["category"] = feed.Categories[0];
            f["tags"] = feed.Categories.Select(c => (object?)new Dictionary<string, object?> { ["term"] = c }).ToList();
        }
        if (feed.TtlMinutes is int ttl) f["ttl"] = ttl.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, object?> Entry(ParsedItem item, string? feedLanguage, string? baseUrl)
    {
        var e = new Dictionary<string, object?>();
        var info = item.Info;
        var lang = info.Language ?? feedLanguage;
        Text(e, "title", info.Title, "text/plain", lang, baseUrl);
        if (item.HasLink) e["link"] = item.Link;
        if (item.Links.Count > 0) e["links"] = item.Links.Select(LinkOf).ToList();
        else if (item.HasLink) e["links"] = new List<object?> { Link(item.Link) };
        if (info.Id is not null) { e["id"] = info.Id; e["guid"] = info.Id; }
        if (info.Summary is not null)
        {
            Text(e, "summary", info.Summary, "text/html", lang, baseUrl);
            Text(e, "description", info.Summary, "text/html", lang, baseUrl);
        }
        if (item.ContentHtml is not null)
        {
            e["content"] = new List<object?>
            {
                new Dictionary<string, object?> { ["value"] = item.ContentHtml, ["type"] = "text/html", ["language"] = lang, ["base"] = baseUrl },
            };
        }
        Date(e, "published", info.Published);
        Date(e, "issued", info.Published);
        Date(e, "created", info.Published);
        Date(e, "updated", info.Updated ?? info.Published);
        Date(e, "modified", info.Updated ?? info.Published);
        Date(e, "date", info.Updated ?? info.Published);
        if (item.AuthorDetails.Count > 0) People(e, "author", item.AuthorDetails);
        else if (info.Authors.Count > 0) People(e, "author", info.Authors.Select(a => new FeedPerson(a, null, null)).ToList());
        if (item.Contributors.Count > 0) e["contributors"] = item.Contributors.Select(Person).Cast<object?>().ToList();
        if (item.Rights is not null) Text(e, "rights", item.Rights, "text/plain", lang, baseUrl);
        if (item.Comments is not null) e["comments"] = item.Comments;
        if (item.Enclosures.Count > 0)
            e["enclosures"] = item.Enclosures.Select(x => (object?)new Dictionary<string, object?> { ["href"] = x.Url, ["url"] = x.Url, ["type"] = x.Type, ["length"] = x.Length }).ToList();
        if (info.Categories.Count > 0)
        {
            e["category"] = info.Categories[0];
            e["tags"] = info.Categories.Select(c => (object?)new Dictionary<string, object?> { ["term"] = c }).ToList();
        }
        if (info.ImageUrl is not null) e["image"] = new Dictionary<string, object?> { ["href"] = info.ImageUrl, ["url"] = info.ImageUrl };
        if (lang is not null) e["language"] = lang;
        if (item.Source is { } source)
        {
            var src = new Dictionary<string, object?>();
            FillFeed(src, source, source.Language ?? lang, baseUrl);
            e["source"] = src;
        }
        return e;
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
        d[key] = first.Name is not null && first.Email is not null ? $"{first.Name} ({first.Email})" : first.Name ?? first.Email ?? first.Uri;
        d[key + "_detail"] = Person(first);
        d[key + "s"] = people.Select(Person).Cast<object?>().ToList();
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

    private static void Text(Dictionary<string, object?> d, string key, string? value, string type, string? lang, string? baseUrl)
    {
        if (value is null) return;
        d[key] = value;
        d[key + "_detail"] = new Dictionary<string, object?> { ["value"] = value, ["type"] = type, ["language"] = lang, ["base"] = baseUrl };
    }

    private static void Date(Dictionary<string, object?> d, string key, DateTimeOffset? value)
    {
        if (value is null) return;
        d[key] = value.Value;
        d[key + "_parsed"] = TextCompare.StructTime(value);
    }
}
