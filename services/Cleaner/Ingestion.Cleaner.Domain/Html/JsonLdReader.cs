using System.Net;
using System.Text.Json;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>The article object of a page's JSON-LD.</summary>
internal sealed record JsonLdArticle(
    bool IsArticleType,
    string? Headline,
    IReadOnlyList<string> Authors,
    string? Published,
    string? Modified,
    string? Image,
    string? Publisher,
    string? Description,
    string? Language,
    string? Url,
    string? ArticleBody,
    string? Section,
    IReadOnlyList<string> Keywords);

/// <summary>
/// Reads schema.org JSON-LD: NewsArticle, Article, BlogPosting and kin, inside arrays, <c>@graph</c> or
/// <c>mainEntity</c>, with <c>@id</c> references resolved. Broken JSON is skipped, nesting is bounded.
/// </summary>
internal static class JsonLdReader
{
    private const int MaxDepth = 24;
    private const int MaxScriptChars = 2_000_000;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle", "BlogPosting", "LiveBlogPosting", "TechArticle",
        "ScholarlyArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting", "AdvertiserContentArticle", "Review",
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonLdArticle? Read(IEnumerable<string> scripts)
    {
        var objects = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                var json = Unwrap(script);
                if (json.Length == 0 || json.Length > MaxScriptChars) continue;
                try
                {
                    var doc = JsonDocument.Parse(json, Options);
                    documents.Add(doc);
                    Collect(doc.RootElement, objects, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the page's other metadata still counts.
                }
            }

            var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var o in objects)
                if (Str(o, "@id") is { } id && !byId.ContainsKey(id) && o.EnumerateObject().Count() > 1)
                    byId[id] = o;

            var article = objects.FirstOrDefault(IsArticleTypeOf);
            var isArticle = article.ValueKind == JsonValueKind.Object;
            if (isArticle)
            {
                // Prefer a news type over a generic Article when a page has both.
                foreach (var o in objects)
                {
                    if (!IsArticleTypeOf(o)) continue;
                    if (Types(o).Any(t => t.Contains("News", StringComparison.OrdinalIgnoreCase))) { article = o; break; }
                }
            }
            else
            {
                article = objects.FirstOrDefault(o => o.TryGetProperty("datePublished", out _) || o.TryGetProperty("headline", out _));
                if (article.ValueKind != JsonValueKind.Object) return null;
            }

            return new JsonLdArticle(
                IsArticleType: isArticle,
                Headline: Text(Str(article, "headline") ?? (isArticle ? Str(article, "name") : null)),
                Authors: Names(article, "author", byId).Concat(Names(article, "creator", byId)).ToList(),
                Published: Str(article, "datePublished") ?? Str(article, "dateCreated") ?? Str(article, "uploadDate"),
                Modified: Str(article, "dateModified"),
                Image: Url(article, "image", byId) ?? Url(article, "thumbnailUrl", byId),
                Publisher: Names(article, "publisher", byId).FirstOrDefault(),
                Description: Text(Str(article, "description")),
                Language: LanguageOf(article),
                Url: Url(article, "url", byId) ?? Url(article, "mainEntityOfPage", byId),
                ArticleBody: Str(article, "articleBody"),
                Section: Text(Str(article, "articleSection")),
                Keywords: Keywords(article));
        }
        finally
        {
            foreach (var d in documents) d.Dispose();
        }
    }

    private static string Unwrap(string script)
    {
        var s = script.Trim();
        s = s.Replace("<![CDATA[", "", StringComparison.Ordinal).Replace("]]>", "", StringComparison.Ordinal);
        if (s.StartsWith("<!--", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("-->", StringComparison.Ordinal)) s = s[..^3];
        s = s.Trim();
        while (s.StartsWith("//", StringComparison.Ordinal))
        {
            var nl = s.IndexOf('\n');
            s = nl < 0 ? string.Empty : s[(nl + 1)..].Trim();
        }
        return s.TrimEnd(';').Trim();
    }

    private static void Collect(JsonElement e, List<JsonElement> into, int depth)
    {
        if (depth > MaxDepth) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Collect(item, into, depth + 1);
                break;
            case JsonValueKind.Object:
                into.Add(e);
                foreach (var p in e.EnumerateObject())
                    if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && p.Name is not "articleBody")
                        Collect(p.Value, into, depth + 1);
                break;
        }
    }

    private static IEnumerable<string> Types(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var t)) yield break;
        if (t.ValueKind == JsonValueKind.String) yield return t.GetString()!;
        else if (t.ValueKind == JsonValueKind.Array)
            foreach (var x in t.EnumerateArray())
                if (x.ValueKind == JsonValueKind.String) yield return x.GetString()!;
    }

    private static bool IsArticleTypeOf(JsonElement o) => Types(o).Any(t => ArticleTypes.Contains(StripVocabulary(t)));

    private static string StripVocabulary(string type)
    {
        var i = type.LastIndexOfAny(['/', ':']);
        return i >= 0 ? type[(i + 1)..] : type;
    }

    private static string? Str(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(v.GetString()),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Array =>
                v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).FirstOrDefault(x =>
                !string.IsNullOrWhiteSpace(x)),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string? Text(string? s) =>
        s is null ? null : NullIfEmpty(TextNormalizer.CollapseWhitespace(WebUtility.HtmlDecode(s)));

    private static JsonElement Resolve(JsonElement e, Dictionary<string, JsonElement> byId)
    {
        if (e.ValueKind == JsonValueKind.Object && Str(e, "@id") is { } id && byId.TryGetValue(id, out var full)
            && e.EnumerateObject().Count() == 1)
            return full;
        return e;
    }

    /// <summary>Names of people or organisations: a string, an object with a name, an array of either, an @id reference.</summary>
    private static IEnumerable<string> Names(JsonElement o, string property, Dictionary<string, JsonElement> byId)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(property, out var v)) yield break;
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        foreach (var raw in items.Take(20))
        {
            var item = Resolve(raw, byId);
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Str(item, "name") ?? Str(item, "legalName") ?? Str(item, "alternateName"),
                _ => null,
            };
            if (Text(name) is { } text) yield return text;
        }
    }

    private static string? Url(JsonElement o, string property, Dictionary<string, JsonElement> byId)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(property, out var v)) return null;
        var item = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().FirstOrDefault() : v;
        item = Resolve(item, byId);
        return item.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(item.GetString()),
            JsonValueKind.Object => Str(item, "url") ?? Str(item, "contentUrl") ?? Str(item, "@id"),
            _ => null,
        };
    }

    /// <summary><c>keywords</c>: an array of words, or one string of comma-separated words.</summary>
    private static IReadOnlyList<string> Keywords(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("keywords", out var v)) return [];
        var raw = v.ValueKind switch
        {
            JsonValueKind.String => Tags.Split(v.GetString()),
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? ""),
            _ => [],
        };
        return Tags.Clean(raw);
    }

    private static string? LanguageOf(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty("inLanguage", out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => Str(v, "alternateName") ?? Str(v, "name"),
            _ => null,
        };
    }
}
