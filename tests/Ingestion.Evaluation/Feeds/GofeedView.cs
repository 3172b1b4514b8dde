using Ingestion.Fetcher.Domain;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Our <see cref="ParsedFeed"/> seen through gofeed's structs (camelCase JSON): the format-specific
/// <c>atom.Feed</c>, <c>rss.Feed</c> and <c>json.Feed</c>, and the universal <c>gofeed.Feed</c>. Only what our model
/// holds is present; an expected field that is absent here fails the case as "not in our model".</summary>
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
            Put(e, "title", i.Info.Title);
            Put(e, "id", i.Info.Id);
            Put(e, "summary", i.Info.Summary is not null && i.ContentHtml is not null && i.Info.Summary == i.ContentHtml ? null : i.Info.Summary);
            if (i.ContentHtml is not null) e["content"] = new Dictionary<string, object?> { ["value"] = i.ContentHtml };
            if (i.Links.Count > 0) e["links"] = i.Links.Select(AtomLink).ToList();
            PutDate(e, "updated", i.Info.Updated);
            PutDate(e, "published", i.Info.Published);
            if (i.AuthorDetails.Count > 0) e["authors"] = i.AuthorDetails.Select(p => (object?)AtomPerson(p)).ToList();
            if (i.Contributors.Count > 0) e["contributors"] = i.Contributors.Select(p => (object?)AtomPerson(p)).ToList();
            Put(e, "rights", i.Rights);
            if (i.Info.Categories.Count > 0) e["categories"] = i.Info.Categories.Select(c => (object?)new Dictionary<string, object?> { ["term"] = c }).ToList();
            if (i.Source is { } source)
            {
                var src = new Dictionary<string, object?>();
                AtomFeedLevel(src, source);
                e["source"] = src;
            }
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Rss(ParsedFeed f)
    {
        var d = new Dictionary<string, object?> { ["version"] = RssVersion(f.Version) };
        Put(d, "title", f.Title);
        Put(d, "description", f.Subtitle);
        Put(d, "language", f.Language);
        if (f.Link is not null) { d["link"] = f.Link; d["links"] = new List<object?> { f.Link }; }
        if (f.TtlMinutes is int ttl) d["ttl"] = ttl.ToString(System.Globalization.CultureInfo.InvariantCulture);
        PutDate(d, "lastBuildDate", f.Updated);
        Put(d, "copyright", f.Rights);
        Put(d, "generator", f.Generator);
        if (f.ImageUrl is not null) d["image"] = new Dictionary<string, object?> { ["url"] = f.ImageUrl };
        if (f.Categories.Count > 0) d["categories"] = f.Categories.Select(c => (object?)new Dictionary<string, object?> { ["value"] = c }).ToList();
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "title", i.Info.Title);
            Put(e, "description", i.Info.Summary);
            Put(e, "content", i.ContentHtml);
            if (i.HasLink) { e["link"] = i.Link; e["links"] = new List<object?> { i.Link }; }
            if (i.Info.Id is not null) e["guid"] = new Dictionary<string, object?> { ["value"] = i.Info.Id };
            PutDate(e, "pubDate", i.Info.Published);
            if (i.Info.Authors.Count > 0) e["author"] = i.Info.Authors[0];
            if (i.Info.Categories.Count > 0) e["categories"] = i.Info.Categories.Select(c => (object?)new Dictionary<string, object?> { ["value"] = c }).ToList();
            Put(e, "comments", i.Comments);
            if (i.Enclosures.Count > 0)
            {
                var enc = i.Enclosures.Select(x => (object?)Enclosure(x)).ToList();
                e["enclosure"] = enc[0];
                e["enclosures"] = enc;
            }
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Json(ParsedFeed f)
    {
        var d = new Dictionary<string, object?> { ["version"] = f.Version == "json11" ? "1.1" : "1.0" };
        Put(d, "title", f.Title);
        Put(d, "description", f.Subtitle);
        Put(d, "home_page_url", f.Link);
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "id", i.Info.Id);
            if (i.HasLink) e["url"] = i.Link;
            Put(e, "title", i.Info.Title);
            Put(e, "content_html", i.ContentHtml);
            Put(e, "summary", i.Info.Summary);
            Put(e, "image", i.Info.ImageUrl);
            PutDate(e, "date_published", i.Info.Published);
            PutDate(e, "date_modified", i.Info.Updated);
            if (i.Info.Authors.Count > 0) e["author"] = new Dictionary<string, object?> { ["name"] = i.Info.Authors[0] };
            if (i.Info.Categories.Count > 0) e["tags"] = i.Info.Categories.Cast<object?>().ToList();
            return (object?)e;
        }).ToList();
        return d;
    }

    private static Dictionary<string, object?> Universal(ParsedFeed f)
    {
        var d = new Dictionary<string, object?>
        {
            ["feedType"] = f.Kind,
            ["feedVersion"] = f.Kind switch { "atom" => f.Version == "atom03" ? "0.3" : "1.0", "rss" => RssVersion(f.Version), _ => f.Version == "json11" ? "1.1" : "1.0" },
        };
        Put(d, "title", f.Title);
        Put(d, "description", f.Subtitle);
        Put(d, "language", f.Language);
        if (f.Link is not null) { d["link"] = f.Link; d["links"] = new List<object?> { f.Link }; }
        PutDate(d, "updated", f.Updated);
        Put(d, "copyright", f.Rights);
        Put(d, "generator", f.Generator);
        if (f.ImageUrl is not null) d["image"] = new Dictionary<string, object?> { ["url"] = f.ImageUrl };
        if (f.Authors.Count > 0)
        {
            d["author"] = UniversalPerson(f.Authors[0]);
            d["authors"] = f.Authors.Select(p => (object?)UniversalPerson(p)).ToList();
        }
        if (f.Categories.Count > 0) d["categories"] = f.Categories.Cast<object?>().ToList();
        d["items"] = f.Items.Select(i =>
        {
            var e = new Dictionary<string, object?>();
            Put(e, "title", i.Info.Title);
            Put(e, "description", i.Info.Summary);
            Put(e, "content", i.ContentHtml);
            if (i.Enclosures.Count > 0) e["enclosures"] = i.Enclosures.Select(x => (object?)Enclosure(x)).ToList();
            if (i.HasLink) { e["link"] = i.Link; e["links"] = new List<object?> { i.Link }; }
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
            if (i.Info.Categories.Count > 0) e["categories"] = i.Info.Categories.Cast<object?>().ToList();
            return (object?)e;
        }).ToList();
        return d;
    }

    private static void AtomFeedLevel(Dictionary<string, object?> d, ParsedFeed f)
    {
        Put(d, "title", f.Title);
        Put(d, "subtitle", f.Subtitle);
        Put(d, "language", f.Language);
        if (f.Links.Count > 0) d["links"] = f.Links.Select(AtomLink).ToList();
        PutDate(d, "updated", f.Updated);
        Put(d, "rights", f.Rights);
        Put(d, "id", f.Id);
        if (f.Generator is not null) d["generator"] = new Dictionary<string, object?> { ["value"] = f.Generator };
        if (f.Authors.Count > 0) d["authors"] = f.Authors.Select(p => (object?)AtomPerson(p)).ToList();
        if (f.Contributors.Count > 0) d["contributors"] = f.Contributors.Select(p => (object?)AtomPerson(p)).ToList();
        if (f.Categories.Count > 0) d["categories"] = f.Categories.Select(c => (object?)new Dictionary<string, object?> { ["term"] = c }).ToList();
        Put(d, "logo", f.ImageUrl);
    }

    private static object? AtomLink(FeedLinkInfo l)
    {
        var d = new Dictionary<string, object?> { ["href"] = l.Href, ["rel"] = l.Rel };
        Put(d, "type", l.Type);
        Put(d, "title", l.Title);
        Put(d, "hreflang", l.HrefLang);
        Put(d, "length", l.Length);
        return d;
    }

    private static Dictionary<string, object?> AtomPerson(FeedPerson p)
    {
        var d = new Dictionary<string, object?>();
        Put(d, "name", p.Name);
        Put(d, "email", p.Email);
        Put(d, "uri", p.Uri);
        return d;
    }

    private static Dictionary<string, object?> UniversalPerson(FeedPerson p)
    {
        var d = new Dictionary<string, object?>();
        Put(d, "name", p.Name);
        Put(d, "email", p.Email);
        return d;
    }

    private static Dictionary<string, object?> Enclosure(FeedEnclosure x)
    {
        var d = new Dictionary<string, object?> { ["url"] = x.Url };
        Put(d, "type", x.Type);
        Put(d, "length", x.Length);
        return d;
    }

    private static string RssVersion(string v) => v switch
    {
        "rss090" => "0.9", "rss091n" or "rss091u" => "0.91", "rss092" => "0.92", "rss093" => "0.93", "rss094" => "0.94",
        "rss10" => "1.0", "rss20" => "2.0", _ => "",
    };

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
