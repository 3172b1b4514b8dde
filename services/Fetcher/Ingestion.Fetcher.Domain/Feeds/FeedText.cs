using System.Text.RegularExpressions;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>Small text helpers shared by the format parsers.</summary>
internal static partial class FeedText
{
    [GeneratedRegex(@"^\s*(?<email>[^\s@()<>]+@[^\s@()<>]+)\s*\((?<name>[^()]+)\)\s*$")]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^\s*(?<name>[^<>]+?)\s*<(?<email>[^<>\s]+@[^<>\s]+)>\s*$")]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^\s*(?<name>[^()<>@]+?)\s*\((?<email>[^\s@()<>]+@[^\s@()<>]+)\)\s*$")]
    private static partial Regex NameThenEmailInParentheses();

    [GeneratedRegex(@"</[a-zA-Z][a-zA-Z0-9]*\s*>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);|<(?:br|hr|img)\b[^>]*>",
        RegexOptions.IgnoreCase)]
    private static partial Regex HtmlSign();

    [GeneratedRegex(@"^(?:by|von|par|por)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    /// <summary>Trimmed, whitespace-collapsed text; null when empty.</summary>
    public static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var c = HtmlText.Collapse(s);
        return c.Length == 0 ? null : c;
    }

    /// <summary>A title as plain text: markup stripped and entities decoded when the text carries any.</summary>
    public static string? PlainTitle(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return s.IndexOf('<') >= 0 || s.IndexOf('&') >= 0 ? HtmlText.ToPlainText(s) : Clean(s);
    }

    /// <summary>A person's name from "email (Name)", "Name &lt;email&gt;", "By Name" or a bare name/email.</summary>
    public static string? AuthorName(string? raw)
    {
        var s = Clean(raw);
        if (s is null) return null;
        if ((s.IndexOf('<') >= 0 && !NameThenEmail().IsMatch(s)) || s.IndexOf('&') >= 0) s = HtmlText.ToPlainText(s) ?? s;
        var m = EmailThenName().Match(s);
        if (m.Success) s = m.Groups["name"].Value.Trim();
        else if ((m = NameThenEmail().Match(s)).Success) s = m.Groups["name"].Value.Trim().Trim('"');
        else if ((m = NameThenEmailInParentheses().Match(s)).Success) s = m.Groups["name"].Value.Trim().Trim('"');
        s = ByPrefix().Replace(s, "").Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>A person from RSS-style text: "email (Name)", "Name &lt;email&gt;", a bare email or a bare name.</summary>
    public static FeedPerson? Person(string? raw)
    {
        var s = Clean(raw);
        if (s is null) return null;
        if (s.IndexOf('&') >= 0) s = HtmlText.ToPlainText(s) ?? s;
        var m = EmailThenName().Match(s);
        if (m.Success) return new FeedPerson(m.Groups["name"].Value.Trim(), m.Groups["email"].Value, null);
        if ((m = NameThenEmail().Match(s)).Success) return new FeedPerson(m.Groups["name"].Value.Trim().Trim('"'), m.Groups["email"].Value,
            null);
        if ((m = NameThenEmailInParentheses().Match(s)).Success) return new FeedPerson(m.Groups["name"].Value.Trim().Trim('"'),
            m.Groups["email"].Value, null);
        if (!s.Contains(' ') && s.Contains('@')) return new FeedPerson(null, s, null);
        return new FeedPerson(s, null, null);
    }

    /// <summary>Whether text declared plain looks like HTML after all (an end tag, an entity, a br/hr/img), as
    /// feedparser guesses for RSS, whose text elements say nothing about their type.</summary>
    public static bool LooksLikeHtml(string? s) => s is not null && (s.IndexOf('<') >= 0 || s.IndexOf('&') >= 0) && HtmlSign().IsMatch(s);

    /// <summary>How a text element was written: <paramref name="type"/>, the xml:lang in scope (else
    /// <paramref name="defaultLanguage"/>) and the base URI in effect.</summary>
    public static FeedTextInfo Detail(System.Xml.Linq.XElement e, string type, Uri? documentBase, string? defaultLanguage) =>
        new(type, e.LangOf(defaultLanguage), XmlBase.BaseText(e, documentBase));

    /// <summary>The detail of an RSS text element: text/plain, or text/html when it looks like HTML.</summary>
    public static FeedTextInfo? PlainDetail(System.Xml.Linq.XElement? e, Uri? documentBase, string? defaultLanguage) =>
        e is null ? null
            : Detail(e, LooksLikeHtml(e.HasElements ? "<x></x>" : e.Value) ? "text/html" : "text/plain", documentBase, defaultLanguage);

    public static int? ParseInt(string? s) =>
        int.TryParse(s?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
            : null;

    public static bool LooksLikeImage(string? type, string? url)
    {
        if (type is not null && type.StartsWith("image/", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.IsNullOrEmpty(type)) return false;
        if (url is null) return false;
        var path = url;
        var q = path.IndexOfAny(['?', '#']);
        if (q >= 0) path = path[..q];
        return path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gif", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".webp", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".avif", StringComparison.OrdinalIgnoreCase);
    }
}
