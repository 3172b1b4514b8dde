using System.Text.Json;

namespace Ingestion.Fetcher.Domain.Seeds;

/// <summary>A feed to add, as a seed file lists it.</summary>
public sealed record FeedSeed(string Url, string? Name);

/// <summary>
/// Seed files of feeds: <c>{"feeds": [{"url": "...", "name": "..."}]}</c> or a bare array of such objects or of URL
/// strings. Comments and trailing commas are allowed, so an example can be left commented out.
/// </summary>
public static class FeedSeeds
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The feeds of a seed file's text; <see cref="FormatException"/> says what is wrong, naming <paramref
    /// name="source"/>.</summary>
    public static IReadOnlyList<FeedSeed> Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("feeds", out var list)) root = list;
            if (root.ValueKind != JsonValueKind.Array) throw new FormatException($"{source}: expected {{\"feeds\": [...]}} or an array of feeds.");
            var feeds = new List<FeedSeed>();
            foreach (var e in root.EnumerateArray())
            {
                var url = e.ValueKind == JsonValueKind.String ? e.GetString()
                    : e.ValueKind == JsonValueKind.Object && e.TryGetProperty("url", out var u)
                        && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                    throw new FormatException($"{source}: every feed needs an absolute http(s) \"url\" (got {e.GetRawText()}).");
                var name = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var n)
                    && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                feeds.Add(new FeedSeed(url, string.IsNullOrWhiteSpace(name) ? null : name));
            }
            return feeds;
        }
    }
}
