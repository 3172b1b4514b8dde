using AngleSharp.Dom;
using Ingestion.Cleaner.Domain.Dates;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// The last resort for the published date when markup states none: the first element that calls itself a date
/// (a <c>time</c> element, or a class/id word holding "date", "time", "publish", "posted", "fecha", "datum") and
/// shows one in its attributes (<c>datetime</c>, <c>title</c>, <c>content</c>) or its short text — outside
/// navigation, footers, asides and comment threads, and not a "today" or "updated" widget.
/// </summary>
internal static class DateElements
{
    private const int MaxScanned = 60;
    private const int MaxTextChars = 160;
    private const int MaxAncestors = 16;

    private static readonly string[] DateWords = ["date", "time", "publish", "posted", "fecha", "datum", "data-", "pubdate"];
    private static readonly string[] NotPublished = ["update", "modif", "today", "current", "clock", "weather", "runtime", "timeline",
        "read-time", "readtime", "reading"];
    private static readonly string[] ChromeWords = ["comment", "related", "sidebar", "footer", "recommend", "trending", "popular", "more-"];

    public static DateTimeOffset? Find(IElement body, bool monthFirst)
    {
        var scanned = 0;
        foreach (var e in body.QuerySelectorAll("time, [class], [id]"))
        {
            if (!CallsItselfADate(e)) continue;
            if (++scanned > MaxScanned) break;
            if (InChrome(e)) continue;
            if (Read(e, monthFirst) is { } date) return date;
        }
        return null;
    }

    private static bool CallsItselfADate(IElement e)
    {
        if (e.LocalName is "script" or "style" or "meta" or "link" or "body" or "html") return false;
        var tokens = ElementTokens.Of(e);
        var named = false;
        foreach (var t in tokens)
        {
            if (ContainsAny(t, NotPublished)) return false;
            if (ContainsAny(t, DateWords)) named = true;
        }
        return named || e.LocalName == "time";
    }

    private static bool InChrome(IElement e)
    {
        var level = 0;
        for (var a = e; a is not null && level < MaxAncestors; a = a.ParentElement, level++)
        {
            if (a.LocalName is "nav" or "footer" or "aside") return true;
            foreach (var t in ElementTokens.Of(a))
                if (ContainsAny(t, ChromeWords)) return true;
        }
        return false;
    }

    private static DateTimeOffset? Read(IElement e, bool monthFirst)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["datetime", "title", "content"])
        {
            var value = e.GetAttribute(attribute);
            if (!string.IsNullOrWhiteSpace(value) && value.Length <= MaxTextChars
                && DateParsing.FindDates(value, monthFirst) is [var first, ..])
                return first.Value;
        }
        var text = e.TextContent;
        if (text.Length > MaxTextChars * 4) return null;
        text = Text.TextNormalizer.CollapseWhitespace(text);
        return text.Length <= MaxTextChars && DateParsing.FindDates(text, monthFirst) is [var found, ..] ? found.Value : null;
    }

    private static bool ContainsAny(string token, string[] words)
    {
        foreach (var w in words)
            if (token.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
