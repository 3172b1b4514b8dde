using System.Text.Json;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Xunit.Abstractions;

namespace Ingestion.Fetcher.Tests.Feeds;

/// <summary>
/// Parses every feed and sitemap of ../shared/corpus/feeds/real (beside the folder holding Ingestion.sln) and compares
/// item counts, kinds and links with its ground_truth.json. The corpus is never copied into the repository: where it
/// is absent (a user's clone) the test says so in its output and returns.
/// </summary>
public class RealCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void RealFeedsParseAndMatchGroundTruth()
    {
        var corpus = FindCorpus();
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus/feeds/real not found beside the repository; real-corpus comparison not run.");
            return;
        }
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(corpus, "ground_truth.json")));
        var failures = new List<string>();
        int files = 0, linksCompared = 0, datesCompared = 0, datesDiffering = 0, titlesCompared = 0, titlesDiffering = 0;

        foreach (var entry in truth.RootElement.GetProperty("feeds").EnumerateObject())
        {
            files++;
            var path = Path.Combine(corpus, "feeds", entry.Name);
            var expected = ExpectedFeedCount(entry.Value);
            var wellFormed = !(entry.Value.TryGetProperty("independent", out var ind) && ind.TryGetProperty("xml_well_formed", out var wf)
                && wf.ValueKind == JsonValueKind.False);
            ParsedFeed feed;
            try
            {
                feed = FeedParser.Parse(File.ReadAllBytes(path), null, null, null);
            }
            catch (FeedFormatException ex) when (!wellFormed)
            {
                output.WriteLine($"{entry.Name}: refused as not well-formed ({ex.Message})");
                continue;
            }
            catch (Exception ex)
            {
                failures.Add($"{entry.Name}: {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            var repairs = feed.Repairs.Count == 0 ? "" : $" [repaired: {string.Join("; ", feed.Repairs)}]";
            output.WriteLine($"{entry.Name}: {feed.Version}, {feed.Items.Count} items (expected {expected}), encoding {feed.Encoding}{repairs}");
            if (expected is int n && feed.Items.Count != n) failures.Add($"{entry.Name}: {feed.Items.Count} items, expected {n}");

            if (entry.Value.TryGetProperty("reference_feedparser_6.0.10", out var reference)
                && reference.TryGetProperty("feed_link", out var feedLink) && feedLink.ValueKind == JsonValueKind.String)
            {
                linksCompared++;
                if (feedLink.GetString() != feed.Link) failures.Add($"{entry.Name}: feed link '{feed.Link}', feedparser '{feedLink.GetString()}'");
            }
            if (reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("feed_title", out var feedTitle)
                && feedTitle.ValueKind == JsonValueKind.String
                && HtmlText.Collapse(feedTitle.GetString()!) != feed.Title)
            {
                titlesDiffering++;
                output.WriteLine($"  note: feed title '{feed.Title}', feedparser '{feedTitle.GetString()}'");
            }
            if (reference.ValueKind == JsonValueKind.Object && reference.TryGetProperty("entries", out var refEntries))
            {
                var i = 0;
                foreach (var refEntry in refEntries.EnumerateArray())
                {
                    if (i >= feed.Items.Count) break;
                    var item = feed.Items[i++];
                    if (refEntry.TryGetProperty("link", out var link) && link.ValueKind == JsonValueKind.String
                        && !(item.Link.Length == 0 && !link.GetString()!.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
                    {
                        // (feedparser links an entry without a link by its id even when that id is a urn:; we do not)
                        linksCompared++;
                        if (link.GetString() != item.Link) failures.Add($"{entry.Name} #{i}: link '{item.Link}', feedparser '{link.GetString()}'");
                    }
                    if (refEntry.TryGetProperty("title", out var refTitle) && refTitle.ValueKind == JsonValueKind.String)
                    {
                        titlesCompared++;
                        if (HtmlText.Collapse(refTitle.GetString()!) != item.Info.Title)
                        {
                            titlesDiffering++;
                            output.WriteLine($"  note: {entry.Name} #{i}: title '{item.Info.Title}', feedparser '{refTitle.GetString()}'");
                        }
                    }
                    if (refEntry.TryGetProperty("published_utc", out var published) && published.ValueKind == JsonValueKind.String)
                    {
                        datesCompared++;
                        var refDate = DateTimeOffset.Parse(published.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                        var ours = item.Info.Published ?? item.Info.Updated;
                        if (ours != refDate)
                        {
                            datesDiffering++;
                            failures.Add($"{entry.Name} #{i}: published {ours:O}, feedparser {refDate:O}");
                        }
                    }
                }
            }
        }

        foreach (var entry in truth.RootElement.GetProperty("sitemaps").EnumerateObject())
        {
            files++;
            var path = Path.Combine(corpus, "sitemaps", entry.Name);
            var kind = entry.Value.GetProperty("kind").GetString();
            var expected = entry.Value.TryGetProperty("count", out var c) ? c.GetInt32() : entry.Value.GetProperty("url_count").GetInt32();
            try
            {
                var feed = FeedParser.Parse(File.ReadAllBytes(path), null, null, null);
                output.WriteLine($"{entry.Name}: {feed.Kind}/{feed.Version}, {feed.Items.Count} items (expected {kind} with {expected})");
                var expectedKind = kind switch { "urlset" or "text" => "sitemap", "feed" => "atom", _ => kind };
                if (feed.Kind != expectedKind) failures.Add($"{entry.Name}: kind {feed.Kind}, expected {expectedKind}");
                if (feed.Items.Count != expected) failures.Add($"{entry.Name}: {feed.Items.Count} items, expected {expected}");
                var expectedLinks = ExpectedSitemapLinks(entry.Value);
                for (var i = 0; i < Math.Min(expectedLinks.Count, feed.Items.Count); i++)
                {
                    if (expectedLinks[i] is null) continue;
                    linksCompared++;
                    if (expectedLinks[i] != feed.Items[i].Link) failures.Add($"{entry.Name} #{i + 1}: link '{feed.Items[i].Link}', expected '{expectedLinks[i]}'");
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{entry.Name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        output.WriteLine($"{files} files, {linksCompared} links and {datesCompared} dates compared ({datesDiffering} dates differ), "
                         + $"{titlesCompared} item titles compared ({titlesDiffering} titles differ, reported only), {failures.Count} failures");
        foreach (var f in failures) output.WriteLine("FAIL " + f);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static int? ExpectedFeedCount(JsonElement e)
    {
        if (e.TryGetProperty("reference_feedparser_6.0.10", out var r) && r.TryGetProperty("entry_count", out var n)
            && n.ValueKind == JsonValueKind.Number)
            return n.GetInt32();
        if (e.TryGetProperty("independent", out var ind))
        {
            if (ind.TryGetProperty("item_or_entry_elements", out var m)) return m.GetInt32();
            if (ind.TryGetProperty("item_count", out var k)) return k.GetInt32();
        }
        return null;
    }

    private static List<string?> ExpectedSitemapLinks(JsonElement e)
    {
        if (e.TryGetProperty("urls", out var urls)) return urls.EnumerateArray().Select(u => u.GetString()).ToList();
        if (e.TryGetProperty("entries", out var entries))
            return entries.EnumerateArray().Select(x => x.TryGetProperty("loc", out var loc)
                && loc.ValueKind == JsonValueKind.String ? loc.GetString()?.Trim() : null).ToList();
        return [];
    }

    /// <summary>Walks up from the test binary to the folder holding Ingestion.sln (or, before it exists, the repository
    /// root with Directory.Packages.props), then takes ../shared/corpus/feeds/real.</summary>
    internal static string? FindCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var isRoot = File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))
                || File.Exists(Path.Combine(dir.FullName, "Ingestion.slnx"))
                         || File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"));
            if (!isRoot) continue;
            var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "feeds", "real"));
            return File.Exists(Path.Combine(corpus, "ground_truth.json")) ? corpus : null;
        }
        return null;
    }
}
