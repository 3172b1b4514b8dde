using System.Globalization;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Feeds.Html;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Our <see cref="ParsedFeed"/> seen through gofeed's structs (camelCase JSON): the format-specific
/// <c>atom.Feed</c>, <c>rss.Feed</c> and <c>json.Feed</c>, and the universal <c>gofeed.Feed</c>. Only what our model
/// holds is present; an expected field that is absent here fails the case as "not in our model".
/// The universal view applies gofeed's translator conventions to our values: a category shows its label when it has
/// one, the generator is "name vVERSION uri", and a JSON feed's dates are those of its newest item. gofeed's
/// <c>extensions</c>, <c>custom</c>, <c>dcExt</c> and <c>itunesExt</c> are our <see cref="ParsedFeed.Extensions"/>
/// (the latter two regrouped as gofeed's structs name their fields).</summary>
public static class GofeedView
{
    public static Dictionary<string, object?> Of(ParsedFeed feed, string model) => model switch
    {
        _ when model.StartsWith("atom", StringComparison.Ordinal) => Atom(feed),
        _ when model.StartsWith("rss", StringComparison.Ordinal) => Rss(feed),
        _ when model.StartsWith("json", StringComparison.Ordinal) => Json(feed),
        _ => Universal(feed),
    };

    private static Dictionary<string, object?> Atom(ParsedFeed f)
    {
        var d = new Dictionary<string, object?> { ["version"] = f.Version == "atom03" ? "0.3" : "1.0" };
        AtomFeedLevel(d, f);
        d["entries"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "title", Encode(i.Info.Title));
            Put(e, "id", i.Info.Id);
            Put(e, "summary", i.Info.Summary is not null && i.ContentHtml is not null
                && i.Info.Summary == i.ContentHtml ? null : i.Info.Summary);
            if (i.ContentHtml is not null || i.ContentSource is not null)
            {
                var c = new Dictionary<string, object?>();
                Put(c, "value", i.ContentHtml);
                Put(c, "src", i.ContentSource);
                if (i.ContentDetail is { } detail) c["type"] = f.Version == "atom10" ? AtomType(detail.Type) : detail.Type;
                e["content"] = c;
            }
            if (i.Links.Count > 0) e["links"] = i.Links.Select(AtomLink).ToList();
            PutDate(e, "updated", i.Info.Updated);
            PutDate(e, "published", i.Info.Published);
            if (i.AuthorDetails.Count > 0) e["authors"] = i.AuthorDetails.Select(p => (object?)AtomPerson(p)).ToList();
            if (i.Contributors.Count > 0) e["contributors"] = i.Contributors.Select(p => (object?)AtomPerson(p)).ToList();
            Put(e, "rights", Encode(i.Rights));
            if (i.CategoryDetails.Count > 0) e["categories"] = i.CategoryDetails.Select(AtomCategory).ToList();
            if (i.Source is { } source)
            {
                var src = new Dictionary<string, object?>();
                AtomFeedLevel(src, source);
                e["source"] = src;
            }
            PutExtensions(e, i.Extensions);
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Rss(ParsedFeed f)
    {
        var d = new Dictionary<string, object?> { ["version"] = f.VersionText ?? RssVersion(f.Version) };
        Put(d, "title", Encode(f.Title));
        Put(d, "description", Encode(f.Subtitle));
        Put(d, "language", f.Language);
        if (f.Link is not null) d["link"] = f.Link;
        if (f.Links.Count > 0) d["links"] = f.Links.Select(l => (object?)l.Href).ToList();
        else if (f.Link is not null) d["links"] = new List<object?> { f.Link };
        if (f.TtlMinutes is int ttl) d["ttl"] = ttl.ToString(CultureInfo.InvariantCulture);
        PutDate(d, "lastBuildDate", f.Updated);
        PutDate(d, "pubDate", f.Published);
        Put(d, "copyright", Encode(f.Rights));
        Put(d, "generator", f.Generator);
        Put(d, "managingEditor", Encode(f.ManagingEditor));
        Put(d, "webMaster", Encode(f.WebMaster));
        Put(d, "docs", f.Docs);
        Put(d, "rating", Encode(f.Rating));
        if (f.Image is { } image)
        {
            var i = new Dictionary<string, object?>();
            Put(i, "url", image.Url);
            Put(i, "link", image.Link);
            Put(i, "title", Encode(image.Title));
            if (image.Width is int w) i["width"] = w.ToString(CultureInfo.InvariantCulture);
            if (image.Height is int h) i["height"] = h.ToString(CultureInfo.InvariantCulture);
            Put(i, "description", Encode(image.Description));
            d["image"] = i;
        }
        else if (f.ImageUrl is not null)
        {
            d["image"] = new Dictionary<string, object?> { ["url"] = f.ImageUrl };
        }
        if (f.Cloud is { } cloud)
        {
            var c = new Dictionary<string, object?>();
            Put(c, "domain", cloud.Domain);
            Put(c, "port", cloud.Port);
            Put(c, "path", cloud.Path);
            Put(c, "registerProcedure", cloud.RegisterProcedure);
            Put(c, "protocol", cloud.Protocol);
            d["cloud"] = c;
        }
        if (f.TextInput is { } input)
        {
            var t = new Dictionary<string, object?>();
            Put(t, "title", Encode(input.Title));
            Put(t, "description", Encode(input.Description));
            Put(t, "name", Encode(input.Name));
            Put(t, "link", input.Link);
            d["textInput"] = t;
        }
        if (f.SkipHours.Count > 0) d["skipHours"] = f.SkipHours.Cast<object?>().ToList();
        if (f.SkipDays.Count > 0) d["skipDays"] = f.SkipDays.Cast<object?>().ToList();
        if (f.CategoryDetails.Count > 0) d["categories"] = f.CategoryDetails.Select(RssCategory).ToList();
        PutExtensions(d, f.Extensions);
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "title", Encode(i.Info.Title));
            Put(e, "description", i.Info.Summary);
            Put(e, "content", i.ContentHtml);
            if (i.HasLink) e["link"] = i.Link;
            if (i.Links.Count > 0) e["links"] = i.Links.Select(l => (object?)l.Href).ToList();
            else if (i.HasLink) e["links"] = new List<object?> { i.Link };
            if (i.Info.Id is not null)
            {
                var g = new Dictionary<string, object?> { ["value"] = i.Info.Id };
                if (i.GuidIsPermaLink is bool permalink) g["isPermalink"] = permalink ? "true" : "false";
                e["guid"] = g;
            }
            PutDate(e, "pubDate", i.Info.Published);
            if (i.Info.Authors.Count > 0) e["author"] = Encode(i.Info.Authors[0]);
            if (i.CategoryDetails.Count > 0) e["categories"] = i.CategoryDetails.Select(RssCategory).ToList();
            Put(e, "comments", i.Comments);
            if (i.Enclosures.Count > 0)
            {
                var enc = i.Enclosures.Select(x => (object?)Enclosure(x)).ToList();
                e["enclosure"] = enc[0];
                e["enclosures"] = enc;
            }
            if (i.Source is { } source)
            {
                var s = new Dictionary<string, object?>();
                Put(s, "title", Encode(source.Title));
                Put(s, "url", source.Link);
                e["source"] = s;
            }
            PutExtensions(e, i.Extensions);
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Json(ParsedFeed f)
    {
        var d = new Dictionary<string, object?> { ["version"] = f.VersionText ?? (f.Version == "json11" ? "1.1" : "1.0") };
        Put(d, "title", Encode(f.Title));
        Put(d, "description", Encode(f.Subtitle));
        Put(d, "home_page_url", f.Link);
        Put(d, "feed_url", f.FeedUrl);
        Put(d, "user_comment", f.UserComment);
        Put(d, "next_url", f.NextUrl);
        Put(d, "icon", f.Icon);
        Put(d, "favicon", f.Favicon);
        Put(d, "language", f.Language);
        if (f.Expired is bool expired) d["expired"] = expired;
        if (f.Authors.Count > 0)
        {
            d["author"] = JsonPerson(f.Authors[0]);
            d["authors"] = f.Authors.Select(p => (object?)JsonPerson(p)).ToList();
        }
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "id", i.Info.Id);
            var url = i.Links.FirstOrDefault(l => l.Rel == "alternate")?.Href;
            Put(e, "url", url);
            Put(e, "external_url", i.Links.FirstOrDefault(l => l.Rel == "related")?.Href);
            Put(e, "title", Encode(i.Info.Title));
            Put(e, "content_html", i.ContentDetail?.Type == "text/html" ? i.ContentHtml : null);
            Put(e, "content_text", i.ContentText);
            Put(e, "summary", i.SummaryDetail is not null ? i.Info.Summary : null);
            Put(e, "image", i.Info.ImageUrl);
            Put(e, "banner_image", i.BannerImage);
            PutDate(e, "date_published", i.Info.Published);
            PutDate(e, "date_modified", i.Info.Updated);
            var people = i.AuthorDetails.Count > 0 ? i.AuthorDetails : i.Info.Authors.Select(a => new FeedPerson(a, null, null)).ToList();
            if (people.Count > 0)
            {
                e["author"] = JsonPerson(people[0]);
                e["authors"] = people.Select(p => (object?)JsonPerson(p)).ToList();
            }
            if (i.Info.Categories.Count > 0) e["tags"] = i.Info.Categories.Cast<object?>().ToList();
            if (i.Enclosures.Count > 0)
            {
                e["attachments"] = i.Enclosures.Select(x =>
                {
                    var a = new Dictionary<string, object?> { ["url"] = x.Url };
                    Put(a, "mime_type", x.Type);
                    Put(a, "title", x.Title);
                    Put(a, "size_in_bytes", x.Length);
                    Put(a, "duration_in_seconds", x.DurationSeconds);
                    return (object?)a;
                }).ToList();
            }
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Universal(ParsedFeed f)
    {
        var d = new Dictionary<string, object?>
        {
            ["feedType"] = f.Kind,
            ["feedVersion"] = f.Kind switch
            {
                "atom" => f.Version == "atom03" ? "0.3" : "1.0",
                "rss" => f.VersionText ?? RssVersion(f.Version),
                _ => f.VersionText ?? (f.Version == "json11" ? "1.1" : "1.0"),
            },
        };
        Put(d, "title", Encode(f.Title));
        Put(d, "description", Encode(f.Subtitle));
        Put(d, "language", f.Language);
        if (f.Link is not null) d["link"] = f.Link;
        Put(d, "feedLink", f.FeedUrl);
        if (f.Links.Count > 0) d["links"] = f.Links.Where(l => l.Href.Length > 0).Select(l => (object?)l.Href).ToList();
        else if (f.Link is not null) d["links"] = new List<object?> { f.Link };
        var updated = f.Updated;
        var published = f.Published;
        if (f.Kind == "json")
        {
            updated ??= f.Items.Select(i => i.Info.Updated ?? i.Info.Published).Max();
            published ??= f.Items.Select(i => i.Info.Published).Max();
        }
        PutDate(d, "updated", updated);
        PutDate(d, "published", published);
        Put(d, "copyright", Encode(f.Rights));
        if (f.GeneratorDetail is { } g)
        {
            var text = string.Join(" ", new[] { g.Name, g.Version is null ? null : "v" + g.Version, g.Uri }.Where(x => x is not null));
            Put(d, "generator", text.Length == 0 ? null : text);
        }
        else
        {
            Put(d, "generator", f.Generator);
        }
        if (f.ImageUrl is not null || f.Image is not null)
        {
            var i = new Dictionary<string, object?>();
            Put(i, "url", f.Image?.Url ?? f.ImageUrl);
            Put(i, "title", Encode(f.Image?.Title));
            d["image"] = i;
        }
        var authors = f.Authors.Count > 0 ? f.Authors : f.Publisher is not null ? [f.Publisher] : [];
        if (authors.Count > 0)
        {
            d["author"] = UniversalPerson(authors[0]);
            d["authors"] = authors.Select(p => (object?)UniversalPerson(p)).ToList();
        }
        if (f.CategoryDetails.Count > 0) d["categories"] = f.CategoryDetails.Select(c => (object?)(c.Label ?? c.Term)).Where(c =>
            c is not null).ToList();
        else if (f.Categories.Count > 0) d["categories"] = f.Categories.Cast<object?>().ToList();
        PutExtensions(d, f.Extensions);
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "title", Encode(i.Info.Title));
            Put(e, "description", i.Info.Summary);
            Put(e, "content", i.ContentHtml);
            if (i.Enclosures.Count > 0) e["enclosures"] = i.Enclosures.Select(x => (object?)Enclosure(x)).ToList();
            if (i.HasLink) e["link"] = i.Link;
            if (i.Links.Count > 0) e["links"] = i.Links.Where(l => l.Href.Length > 0).Select(l => (object?)l.Href).ToList();
            else if (i.HasLink) e["links"] = new List<object?> { i.Link };
            Put(e, "guid", i.Info.Id);
            PutDate(e, "published", i.Info.Published);
            PutDate(e, "updated", i.Info.Updated);
            var people = i.AuthorDetails.Count > 0 ? i.AuthorDetails : i.Info.Authors.Select(a => new FeedPerson(a, null, null)).ToList();
            if (people.Count > 0)
            {
                e["author"] = UniversalPerson(people[0]);
                e["authors"] = people.Select(p => (object?)UniversalPerson(p)).ToList();
            }
            if (i.Info.ImageUrl is not null) e["image"] = new Dictionary<string, object?> { ["url"] = i.Info.ImageUrl };
            if (i.CategoryDetails.Count > 0) e["categories"] = i.CategoryDetails.Select(c => (object?)(c.Label ?? c.Term)).Where(c =>
                c is not null).ToList();
            else if (i.Info.Categories.Count > 0) e["categories"] = i.Info.Categories.Cast<object?>().ToList();
            PutExtensions(e, i.Extensions);
            return (object?)e;
        }).ToList();
        return d;
    }

    private static void AtomFeedLevel(Dictionary<string, object?> d, ParsedFeed f)
    {
        Put(d, "title", Encode(f.Title));
        Put(d, "subtitle", Encode(f.Subtitle));
        Put(d, "language", f.Language);
        if (f.Links.Count > 0) d["links"] = f.Links.Select(AtomLink).ToList();
        PutDate(d, "updated", f.Updated);
        PutDate(d, "published", f.Published);
        Put(d, "rights", Encode(f.Rights));
        Put(d, "id", f.Id);
        if (f.GeneratorDetail is { } g)
        {
            var gen = new Dictionary<string, object?>();
            Put(gen, "value", g.Name);
            Put(gen, "uri", g.Uri);
            Put(gen, "version", g.Version);
            d["generator"] = gen;
        }
        if (f.Authors.Count > 0) d["authors"] = f.Authors.Select(p => (object?)AtomPerson(p)).ToList();
        if (f.Contributors.Count > 0) d["contributors"] = f.Contributors.Select(p => (object?)AtomPerson(p)).ToList();
        if (f.CategoryDetails.Count > 0) d["categories"] = f.CategoryDetails.Select(AtomCategory).ToList();
        Put(d, "logo", f.Logo);
        Put(d, "icon", f.Icon);
        PutExtensions(d, f.Extensions);
    }

    /// <summary>Atom 1.0's own names for the media types our model reports.</summary>
    private static string AtomType(string type) => type switch
    {
        "text/plain" => "text",
        "text/html" => "html",
        "application/xhtml+xml" => "xhtml",
        _ => type,
    };

    private static object? AtomLink(FeedLinkInfo l)
    {
        var d = new Dictionary<string, object?> { ["rel"] = l.Rel };
        if (l.Href.Length > 0) d["href"] = l.Href;
        Put(d, "type", l.Type);
        Put(d, "title", l.Title);
        Put(d, "hreflang", l.HrefLang);
        Put(d, "length", l.Length);
        return d;
    }

    private static object? AtomCategory(FeedCategory c) => Present(("term", c.Term), ("scheme", c.Scheme), ("label", c.Label));

    private static object? RssCategory(FeedCategory c) => Present(("value", c.Term), ("domain", c.Scheme));

    private static Dictionary<string, object?> AtomPerson(FeedPerson p) => Present(("name", p.Name), ("email", p.Email), ("uri", p.Uri));

    private static Dictionary<string, object?> UniversalPerson(FeedPerson p) =>
        Present(("name", p.Name), ("email", p.Email), ("url", p.Uri), ("avatar", p.Avatar));

    private static Dictionary<string, object?> JsonPerson(FeedPerson p) => Present(("name", p.Name), ("url", p.Uri), ("avatar", p.Avatar));

    /// <summary>The fields that have a value, in order (gofeed omits empty ones).</summary>
    private static Dictionary<string, object?> Present(params (string Key, string? Value)[] fields)
    {
        var d = new Dictionary<string, object?>();
        foreach (var (key, value) in fields) Put(d, key, value);
        return d;
    }

    private static Dictionary<string, object?> Enclosure(FeedEnclosure x)
    {
        var d = new Dictionary<string, object?> { ["url"] = x.Url };
        Put(d, "type", x.Type);
        Put(d, "length", x.Length);
        return d;
    }

    /// <summary>gofeed's <c>extensions</c> (namespaced elements), <c>custom</c> (unknown elements without a namespace),
    /// <c>dcExt</c> and <c>itunesExt</c>, from our extension map.</summary>
    private static void PutExtensions(Dictionary<string, object?> d,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> extensions)
    {
        if (extensions.Count == 0) return;
        var named = extensions.Where(p => p.Key.Length > 0).ToDictionary(p => p.Key, p => (object?)ExtensionGroup(p.Value));
        if (named.Count > 0) d["extensions"] = named;
        if (extensions.TryGetValue("", out var custom))
            d["custom"] = custom.ToDictionary(p => p.Key, p => (object?)p.Value[^1].Value);
        if (extensions.TryGetValue("dc", out var dc))
            d["dcExt"] = dc.ToDictionary(p => p.Key, p => (object?)p.Value.Select(x => (object?)x.Value).ToList());
        if (extensions.TryGetValue("itunes", out var itunes))
        {
            var ext = new Dictionary<string, object?>();
            foreach (var (name, list) in itunes)
            {
                var x = list[0];
                switch (name)
                {
                    case "image":
                        if (x.Attributes.TryGetValue("href", out var href)) ext["image"] = href;
                        break;
                    case "category":
                        ext["categories"] = list.Select(c => (object?)ITunesCategory(c)).ToList();
                        break;
                    case "owner":
                        var owner = new Dictionary<string, object?>();
                        if (x.Children.TryGetValue("name", out var n)) owner["name"] = n[0].Value;
                        if (x.Children.TryGetValue("email", out var m)) owner["email"] = m[0].Value;
                        ext["owner"] = owner;
                        break;
                    default:
                        ext[CamelCase(name)] = x.Value;
                        break;
                }
            }
            d["itunesExt"] = ext;
        }
    }

    private static Dictionary<string, object?> ITunesCategory(FeedExtension c)
    {
        var d = new Dictionary<string, object?>();
        if (c.Attributes.TryGetValue("text", out var text)) d["text"] = text;
        if (c.Children.TryGetValue("category", out var sub) && sub.Count > 0) d["subcategory"] = ITunesCategory(sub[0]);
        return d;
    }

    private static Dictionary<string, object?> ExtensionGroup(IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>> byName) =>
        byName.ToDictionary(p => p.Key, p => (object?)p.Value.Select(x => (object?)ExtensionOf(x)).ToList());

    private static Dictionary<string, object?> ExtensionOf(FeedExtension x) => new()
    {
        ["name"] = x.Name,
        ["value"] = x.Value,
        ["attrs"] = x.Attributes.ToDictionary(a => a.Key, a => (object?)a.Value),
        ["children"] = ExtensionGroup(x.Children),
    };

    /// <summary>"new-feed-url" → "newFeedUrl".</summary>
    private static string CamelCase(string name)
    {
        var parts = name.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? name : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string RssVersion(string v) => v switch
    {
        "rss090" => "0.9", "rss091n" or "rss091u" => "0.91", "rss092" => "0.92", "rss093" => "0.93", "rss094" => "0.94",
        "rss10" => "1.0", "rss20" => "2.0", _ => "",
    };

    /// <summary>Plain text as HTML (so that "as text" comparison reads back the same text).</summary>
    private static string? Encode(string? text) => text is null ? null : HtmlSanitizer.EncodeText(text);

    private static void Put(Dictionary<string, object?> d, string key, string? value)
    {
        if (value is not null) d[key] = value;
    }

    private static void PutDate(Dictionary<string, object?> d, string key, DateTimeOffset? value)
    {
        if (value is null) return;
        d[key] = value.Value;
        d[key + "Parsed"] = value.Value;
    }
}
