using System.Text.Json;

namespace Ingestion.Fetcher.Domain;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedParser
{
    public static ParsedFeed Parse(string text, Uri? documentBase)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"Malformed JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FeedFormatException("Not a JSON Feed: the top level is not an object.");
            var versionUrl = String(root, "version");
            var hasItems = root.TryGetProperty("items", out var itemsElement) && itemsElement.ValueKind == JsonValueKind.Array;
            if (!hasItems && (versionUrl is null || !versionUrl.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase)))
                throw new FeedFormatException("Not a JSON Feed: no \"version\" of jsonfeed.org and no \"items\" array.");

            var version = versionUrl switch
            {
                null => "json",
                _ when versionUrl.EndsWith("/1.1", StringComparison.Ordinal) => "json11",
                _ when versionUrl.EndsWith("/1", StringComparison.Ordinal) || versionUrl.EndsWith("/1.0", StringComparison.Ordinal) => "json1",
                _ => "json",
            };
            var homePage = String(root, "home_page_url");
            var feedUrl = String(root, "feed_url");
            var baseUri = XmlBase.ToBaseUri(homePage) ?? XmlBase.ToBaseUri(feedUrl) ?? documentBase;
            var language = String(root, "language");
            var feedAuthors = Authors(root).ToList();

            var items = new List<ParsedItem>();
            if (hasItems)
            {
                foreach (var item in itemsElement.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object) items.Add(ParseItem(item, baseUri, language, feedAuthors));
                }
            }
            return new ParsedFeed("json", FeedText.Clean(String(root, "title")), XmlBase.Resolve(homePage, documentBase), language, items, null)
            {
                Version = version,
                Subtitle = FeedText.Clean(String(root, "description")),
            };
        }
    }

    private static ParsedItem ParseItem(JsonElement item, Uri? baseUri, string? feedLanguage, List<string> feedAuthors)
    {
        var b = new ItemBuilder
        {
            Id = String(item, "id"),
            Link = XmlBase.Resolve(String(item, "url"), baseUri) ?? XmlBase.Resolve(String(item, "external_url"), baseUri),
            Title = FeedText.PlainTitle(String(item, "title")),
            Published = FeedDates.Parse(String(item, "date_published")),
            Updated = FeedDates.Parse(String(item, "date_modified")),
            Language = String(item, "language") ?? feedLanguage,
        };
        foreach (var a in Authors(item)) b.AddAuthor(a);
        if (b.AuthorCount == 0) foreach (var a in feedAuthors) b.AddAuthor(a);
        if (item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
                if (tag.ValueKind == JsonValueKind.String) b.AddCategory(tag.GetString());
        }

        var summary = String(item, "summary");
        var html = String(item, "content_html");
        var text = String(item, "content_text");
        b.ContentHtml = html is not null ? HtmlSanitizer.Sanitize(html, baseUri) : text is not null ? HtmlSanitizer.EncodeText(text.Trim()) : null;
        b.SummaryHtml = summary is not null ? HtmlSanitizer.EncodeText(summary.Trim()) : null;
        b.ImageUrl = XmlBase.Resolve(String(item, "image"), baseUri) ?? XmlBase.Resolve(String(item, "banner_image"), baseUri);
        if (b.ImageUrl is null && item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                var url = String(attachment, "url");
                if (url is not null && FeedText.LooksLikeImage(String(attachment, "mime_type"), url))
                {
                    b.ImageUrl = XmlBase.Resolve(url, baseUri);
                    break;
                }
            }
        }
        return b.Build();
    }

    /// <summary>Author names from 1.1's "authors" array or 1.0's "author" object.</summary>
    private static IEnumerable<string> Authors(JsonElement e)
    {
        if (e.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in authors.EnumerateArray())
                if (Name(a) is { } n) yield return n;
        }
        else if (e.TryGetProperty("author", out var author) && Name(author) is { } n)
        {
            yield return n;
        }

        static string? Name(JsonElement a) => a.ValueKind switch
        {
            JsonValueKind.Object => String(a, "name") ?? String(a, "url"),
            JsonValueKind.String => a.GetString(),
            _ => null,
        };
    }

    /// <summary>A string (or number, for ids) property; null when absent, null or blank.</summary>
    private static string? String(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var p)) return null;
        var s = p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
