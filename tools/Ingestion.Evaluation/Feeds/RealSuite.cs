using System.Text.Json;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Discovery;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Robots;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Real feeds, sitemaps, autodiscovery pages and robots.txt files (<c>real/ground_truth.json</c>): item count,
/// every item's link, and every date the reference gives must match. All cases count.</summary>
public static class RealSuite
{
    public static IEnumerable<CaseResult> Run(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ground_truth.json")));
        var root = doc.RootElement;
        foreach (var f in root.GetProperty("feeds").EnumerateObject())
            yield return Guard("feeds", f.Name, () => Feed(Path.Combine(dir, "feeds", f.Name), f.Value));
        foreach (var s in root.GetProperty("sitemaps").EnumerateObject())
            yield return Guard("sitemaps", s.Name, () => Sitemap(Path.Combine(dir, "sitemaps", s.Name), s.Value));
        foreach (var h in root.GetProperty("html_autodiscovery").EnumerateObject())
            yield return Guard("html-autodiscovery", h.Name, () => Discovery(Path.Combine(dir, "html-autodiscovery", h.Name), h.Value));
        foreach (var r in root.GetProperty("robots").EnumerateObject())
            yield return Guard("robots", r.Name, () => Robots(Path.Combine(dir, "robots", r.Name), r.Value));
    }

    private static CaseResult Guard(string category, string name, Func<string?> check)
    {
        try
        {
            var why = check();
            return new CaseResult("real", category, name, true, why is null ? Outcome.Passed : Outcome.Failed, why ?? "");
        }
        catch (FeedFormatException ex)
        {
            return new CaseResult("real", category, name, true, Outcome.Failed, "refused: " + ex.Message);
        }
        catch (Exception ex)
        {
            return new CaseResult("real", category, name, true, Outcome.Crashed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string? Feed(string file, JsonElement truth)
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(file), null, null, null);
        if (truth.TryGetProperty("reference_feedparser_6.0.10", out var reference))
        {
            var count = reference.GetProperty("entry_count").GetInt32();
            if (feed.Items.Count != count) return $"{feed.Items.Count} items, expected {count}";
            var k = 0;
            foreach (var e in reference.GetProperty("entries").EnumerateArray())
            {
                var item = feed.Items[k];
                var link = e.GetProperty("link").GetString();
                if (link is not null && item.Link != link) return $"item {k}: link {item.Link}, expected {link}";
                if (Str(e, "published_utc") is { } p && !SameInstant(item.Info.Published, p))
                    return $"item {k}: published {item.Info.Published:O}, expected {p}";
                if (Str(e, "published_utc") is null && Str(e, "updated") is { } u
                    && !SameInstant(item.Info.Updated ?? item.Info.Published, u))
                    return $"item {k}: updated {item.Info.Updated:O}, expected {u}";
                k++;
            }
            return null;
        }
        var independent = truth.GetProperty("independent");
        var urls = independent.GetProperty("item_urls").EnumerateArray().Select(u => u.GetString()).ToList();
        if (feed.Items.Count != urls.Count) return $"{feed.Items.Count} items, expected {urls.Count}";
        for (var i = 0; i < urls.Count; i++)
        {
            if (feed.Items[i].Link != urls[i]) return $"item {i}: link {feed.Items[i].Link}, expected {urls[i]}";
        }
        var first = independent.GetProperty("first_item");
        if (Str(first, "date_published") is { } dp
            && !SameInstant(feed.Items[0].Info.Published, dp)) return $"item 0: published {feed.Items[0].Info.Published:O}, expected {dp}";
        if (Str(first, "date_modified") is { } dm
            && !SameInstant(feed.Items[0].Info.Updated, dm)) return $"item 0: updated {feed.Items[0].Info.Updated:O}, expected {dm}";
        return null;
    }

    private static string? Sitemap(string file, JsonElement truth)
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(file), null, null, null);
        var expectedUrls = truth.TryGetProperty("urls", out var list)
            ? list.EnumerateArray().Select(u => (Loc: u.GetString(), Date: (string?)null)).ToList()
            : truth.GetProperty("entries").EnumerateArray()
                .Select(e =>
                    (Loc: Str(e, "loc"), Date: e.TryGetProperty("news", out var n)
                    && Str(n, "publication_date") is { } pd ? pd : Str(e, "lastmod"))).ToList();
        var count = truth.TryGetProperty("count", out var c) ? c.GetInt32() : truth.GetProperty("url_count").GetInt32();
        if (feed.Items.Count != count) return $"{feed.Items.Count} entries, expected {count}";
        for (var i = 0; i < Math.Min(count, expectedUrls.Count); i++)
        {
            var (loc, date) = expectedUrls[i];
            var item = feed.Items[i];
            if (loc is not null && item.Link != loc.Trim()) return $"entry {i}: {item.Link}, expected {loc}";
            if (date is not null && !SameInstant(item.Info.Published ?? item.Info.Updated, date))
                return $"entry {i}: date {(item.Info.Published ?? item.Info.Updated):O}, expected {date}";
        }
        return null;
    }

    private static string? Discovery(string file, JsonElement truth)
    {
        var found = FeedLinkFinder.Find(File.ReadAllText(file), null);
        var expected = truth.GetProperty("expected_links").EnumerateArray().Select(l => l.GetProperty("url").GetString()!).ToList();
        var got = found.Select(f => f.Href).ToList();
        return got.SequenceEqual(expected) ? null : $"found [{string.Join(", ", got)}], expected [{string.Join(", ", expected)}]";
    }

    private static string? Robots(string file, JsonElement truth)
    {
        var robots = RobotsTxt.Parse(File.ReadAllText(file), "IngestionFetcher");
        var expected = truth.GetProperty("sitemaps").EnumerateArray().Select(s => s.GetString()!).ToList();
        return robots.Sitemaps.SequenceEqual(expected) ? null
            : $"sitemaps [{string.Join(", ", robots.Sitemaps)}], expected [{string.Join(", ", expected)}]";
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool SameInstant(DateTimeOffset? ours, string expected) =>
        ours is { } o && FeedDates.Parse(expected) is { } e && o == e;
}
