using System.Text.Json;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Evaluation.Feeds;

/// <summary>feedparser's own test suite (<c>feedparser/expectations.json</c>): each case's asserts are evaluated on
/// <see cref="FeedparserView"/>. Sanitize cases are judged by <see cref="SanitizeCheck"/>.</summary>
public static class FeedparserSuite
{
    /// <summary>List every failing assert / field of a case, not only the first (<c>--all-reasons</c>).</summary>
    public static bool AllReasons { get; set; }

    /// <summary>Categories that count toward the score (issue: rss, atom, atom10, rdf, base, amp, lang, namespace, http,
    /// encoding, entities, illformed, and sanitize judged for safety). Others are reported, not counted.</summary>
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        "wellformed/rss", "wellformed/atom", "wellformed/atom10", "wellformed/rdf", "wellformed/base", "wellformed/amp",
        "wellformed/lang", "wellformed/namespace", "wellformed/http", "encoding", "entities", "illformed", "illformed/chardet",
        "wellformed/sanitize",
    };

    /// <summary>feedparser's test server address; served_over_http cases resolve relative links against it.</summary>
    private const string ServerBase = "http://127.0.0.1:8097/";

    public static IEnumerable<CaseResult> Run(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "expectations.json")));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var rel = c.GetProperty("path").GetString()!;
            var category = c.GetProperty("category").GetString()!;
            yield return RunCase(Path.Combine(dir, "tests", rel), rel, category, c);
        }
    }

    private static CaseResult RunCase(string file, string rel, string category, JsonElement c)
    {
        var counted = Counted.Contains(category);
        var headers = c.GetProperty("http_headers");
        string? contentType = null, contentLanguage = null, contentLocation = null;
        foreach (var h in headers.EnumerateObject())
        {
            if (h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = h.Value.GetString();
            else if (h.Name.Equals("Content-Language", StringComparison.OrdinalIgnoreCase)) contentLanguage = h.Value.GetString();
            else if (h.Name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase)) contentLocation = h.Value.GetString();
        }
        var overHttp = c.GetProperty("served_over_http").GetBoolean();
        var url = ServerBase + "tests/" + rel;
        // A Content-Location header is the document's base, as feedparser reads it, unless it is not a web URL.
        var location = contentLocation is null ? null : new Uri(new Uri(url), contentLocation);
        var baseUrl = location is not null && location.Scheme is "http" or "https" ? location.ToString() : url;
        // A case read from a file (not served over HTTP) has no URL, as in feedparser's own run: relative references stay relative.
        if (!overHttp) baseUrl = null;

        ParsedFeed? feed = null;
        bool bozo;
        try
        {
            var bytes = File.ReadAllBytes(file);
            feed = FeedParser.Parse(bytes, overHttp ? contentType ?? "" : null, null, baseUrl, overHttp ? contentLanguage : null);
            bozo = IsBozo(feed);
        }
        catch (FeedFormatException)
        {
            bozo = true;
        }
        catch (Exception ex)
        {
            return new CaseResult("feedparser", category, rel, counted, Outcome.Crashed, $"{ex.GetType().Name}: {ex.Message}");
        }

        var asserts = c.GetProperty("asserts");
        if (category == "wellformed/sanitize")
        {
            if (feed is null) return new CaseResult("feedparser", category, rel, counted, Outcome.Failed, "refused as malformed");
            var why = SanitizeCheck.Check(feed, asserts);
            return new CaseResult("feedparser", category, rel, counted, why is null ? Outcome.Passed : Outcome.Failed, why ?? "");
        }

        var view = FeedparserView.Of(feed, bozo);
        var whys = asserts.EnumerateArray().Select(a => AssertEvaluator.Check(a, view)).OfType<string>().ToList();
        if (whys.Count > 0) return new CaseResult("feedparser", category, rel, counted, Outcome.Failed, !AllReasons ? whys[0]
            : string.Join(" ;; ", whys));
        return new CaseResult("feedparser", category, rel, counted, Outcome.Passed);
    }

    /// <summary>feedparser's "bozo": the document was not well-formed as received. Our repairs say so; blanking an external
    /// DOCTYPE that is never loaded and decoding by a declared charset are not malformations.</summary>
    public static bool IsBozo(ParsedFeed feed) =>
        feed.Repairs.Any(r => !r.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase)
            && !r.Contains("double-encoded", StringComparison.OrdinalIgnoreCase)
            && !r.Contains("C1 control", StringComparison.OrdinalIgnoreCase));
}
