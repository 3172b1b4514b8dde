using System.Text.Json;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds.Json;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedParser
{
    public static ParsedFeed Parse(string text, Uri? documentBase, string? contentLanguage = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text,
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
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
                _ when versionUrl.EndsWith("/1.1", StringComparison.Ordinal) || versionUrl == "1.1" => "json11",
                _ when versionUrl.EndsWith("/1", StringComparison.Ordinal) || versionUrl.EndsWith("/1.0", StringComparison.Ordinal)
                    || versionUrl is "1" or "1.0" => "json1",
                _ => "json",
            };
            var homePage = String(root, "home_page_url");
            var feedUrl = String(root, "feed_url");
            var baseUri = XmlBase.ToBaseUri(homePage) ?? XmlBase.ToBaseUri(feedUrl) ?? documentBase;
            var language = XmlQuery.NormalizeLanguage(String(root, "language") ?? contentLanguage);
            var feedPeople = People(root, documentBase).ToList();
            var feedAuthors = feedPeople.Select(p => p.Name ?? p.Uri).OfType<string>().ToList();

            var items = new List<ParsedItem>();
            if (hasItems)
            {
                foreach (var item in itemsElement.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object) items.Add(ParseItem(item, baseUri, language, feedAuthors));
                }
            }
            var icon = XmlBase.Resolve(String(root, "icon"), documentBase);
            var link = XmlBase.Resolve(homePage, documentBase);
            var self = XmlBase.Resolve(feedUrl, documentBase);
            var links = new List<FeedLinkInfo>();
            if (link is not null) links.Add(new FeedLinkInfo("alternate", link, null, null, null, null));
            if (self is not null) links.Add(new FeedLinkInfo("self", self, null, null, null, null));
            return new ParsedFeed("json", FeedText.Clean(String(root, "title")), link, language, items, null)
            {
                Version = version,
                VersionText = version switch { "json11" => "1.1", "json1" => "1.0", _ => versionUrl },
                Subtitle = FeedText.Clean(String(root, "description")),
                SubtitleDetail = String(root, "description") is null ? null
                    : new FeedTextInfo("text/plain", language, documentBase?.AbsoluteUri),
                TitleDetail = String(root, "title") is null ? null : new FeedTextInfo("text/plain", language, documentBase?.AbsoluteUri),
                FeedUrl = self,
                Links = links,
                Icon = icon,
                ImageUrl = icon,
                Favicon = XmlBase.Resolve(String(root, "favicon"), documentBase),
                NextUrl = XmlBase.Resolve(String(root, "next_url"), documentBase),
                UserComment = String(root, "user_comment"),
                Expired = root.TryGetProperty("expired", out var expired)
                    && expired.ValueKind is JsonValueKind.True or JsonValueKind.False ? expired.GetBoolean() : null,
                Authors = feedPeople,
            };
        }
    }

    private static ParsedItem ParseItem(JsonElement item, Uri? baseUri, string? feedLanguage, List<string> feedAuthors)
    {
        var url = XmlBase.Resolve(String(item, "url"), baseUri);
        var external = XmlBase.Resolve(String(item, "external_url"), baseUri);
        var b = new ItemBuilder
        {
            Id = String(item, "id"),
            Link = url ?? external,
            Title = FeedText.PlainTitle(String(item, "title")),
            Published = FeedDates.Parse(String(item, "date_published")),
            Updated = FeedDates.Parse(String(item, "date_modified")),
            Language = XmlQuery.NormalizeLanguage(String(item, "language")) ?? feedLanguage,
        };
        var links = new List<FeedLinkInfo>();
        if (url is not null) links.Add(new FeedLinkInfo("alternate", url, null, null, null, null));
        if (external is not null) links.Add(new FeedLinkInfo("related", external, null, null, null, null));
        b.Links = links;
        foreach (var p in People(item, baseUri)) b.AddAuthorDetail(p);
        if (b.AuthorCount == 0) foreach (var a in feedAuthors) b.AddAuthor(a);
        if (item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
                if (tag.ValueKind == JsonValueKind.String) b.AddCategory(tag.GetString());
        }

        var summary = String(item, "summary");
        var html = String(item, "content_html");
        var text = String(item, "content_text");
        b.ContentHtml = html is not null ? HtmlSanitizer.Sanitize(html, baseUri) : text is not null ? HtmlSanitizer.EncodeText(text.Trim())
            : null;
        b.SummaryHtml = summary is not null ? HtmlSanitizer.EncodeText(summary.Trim()) : null;
        b.SummaryDetail = summary is not null ? new FeedTextInfo("text/plain", b.Language, baseUri?.AbsoluteUri) : null;
        b.ContentDetail = html is not null
            || text is not null ? new FeedTextInfo(html is not null ? "text/html" : "text/plain", b.Language, baseUri?.AbsoluteUri) : null;
        b.TitleDetail = String(item, "title") is not null ? new FeedTextInfo("text/plain", b.Language, baseUri?.AbsoluteUri) : null;
        var banner = XmlBase.Resolve(String(item, "banner_image"), baseUri);
        b.ImageUrl = XmlBase.Resolve(String(item, "image"), baseUri) ?? banner;
        if (item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                var attachmentUrl = XmlBase.Resolve(String(attachment, "url"), baseUri);
                if (attachmentUrl is null) continue;
                var type = String(attachment, "mime_type");
                if (b.ImageUrl is null && FeedText.LooksLikeImage(type, attachmentUrl)) b.ImageUrl = attachmentUrl;
                if (b.Enclosures.Any(e => e.Url == attachmentUrl)) continue;
                b.Enclosures.Add(new FeedEnclosure(attachmentUrl, type, String(attachment, "size_in_bytes"))
                {
                    Title = String(attachment, "title"),
                    DurationSeconds = String(attachment, "duration_in_seconds"),
                });
            }
        }
        b.ImageUrl ??= HtmlSanitizer.FirstImage(b.ContentHtml);
        return b.Build() with { ContentText = text, BannerImage = banner };
    }

    /// <summary>Authors from 1.1's "authors" array or 1.0's "author" object (name, url, avatar).</summary>
    private static IEnumerable<FeedPerson> People(JsonElement e, Uri? baseUri)
    {
        if (e.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in authors.EnumerateArray())
                if (Person(a, baseUri) is { } p) yield return p;
        }
        else if (e.TryGetProperty("author", out var author) && Person(author, baseUri) is { } p)
        {
            yield return p;
        }

        static FeedPerson? Person(JsonElement a, Uri? baseUri) => a.ValueKind switch
        {
            JsonValueKind.Object when String(a, "name") is not null || String(a, "url") is not null || String(a, "avatar") is not null =>
                new FeedPerson(String(a, "name"), null,
                    XmlBase.Resolve(String(a, "url"), baseUri)) { Avatar = XmlBase.Resolve(String(a, "avatar"), baseUri) },
            JsonValueKind.String when !string.IsNullOrWhiteSpace(a.GetString()) => new FeedPerson(a.GetString()!.Trim(), null, null),
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
