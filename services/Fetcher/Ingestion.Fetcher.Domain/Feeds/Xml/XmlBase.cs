using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>Resolves relative references against the chain of xml:base attributes and the document's own URL.</summary>
internal static partial class XmlBase
{
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex HasScheme();

    /// <summary>The base URI in effect at <paramref name="element"/> (xml:base on it and its ancestors, then the document URL).</summary>
    public static Uri? BaseOf(XElement? element, Uri? documentBase)
    {
        if (element is null) return documentBase;
        var bases = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var b = e.Attribute(XmlNames.XmlBase)?.Value;
            if (!string.IsNullOrWhiteSpace(b) && !(IsAbsolute(b.Trim()) && IsDangerous(b.Trim()))) bases.Add(b.Trim());
        }
        var current = documentBase;
        for (var i = bases.Count - 1; i >= 0; i--) current = Combine(current, bases[i]) ?? current;
        return current;
    }

    /// <summary>Resolves <paramref name="reference"/> at <paramref name="context"/>; null when empty. An unresolvable relative
    /// reference is returned as written; a javascript:, data: or vbscript: reference is dropped.</summary>
    public static string? Resolve(string? reference, XElement? context, Uri? documentBase) =>
        Resolve(reference, BaseOf(context, documentBase));

    public static string? Resolve(string? reference, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var r = reference.Trim();
        if (IsAbsolute(r))
        {
            return IsDangerous(r) ? null : r;
        }
        var combined = Combine(baseUri, r);
        if (combined is not null && !combined.IsAbsoluteUri) return r;
        if (combined is not null && IsDangerous(combined.AbsoluteUri)) return null;
        return combined?.AbsoluteUri ?? r;
    }

    /// <summary>The base URI in effect at <paramref name="element"/> as a string, or null.</summary>
    public static string? BaseText(XElement? element, Uri? documentBase) => BaseOf(element, documentBase)?.AbsoluteUri;

    public static bool IsAbsolute(string r) => HasScheme().IsMatch(r) && Uri.TryCreate(r, UriKind.Absolute, out _);

    public static Uri? ToBaseUri(string? url) =>
        !string.IsNullOrWhiteSpace(url) && IsAbsolute(url.Trim()) ? new Uri(url.Trim()) : null;

    private static Uri? Combine(Uri? baseUri, string reference)
    {
        // "http:///example.com/" (one slash too many) means "http://example.com/".
        if (reference.StartsWith("http:///", StringComparison.OrdinalIgnoreCase)
            || reference.StartsWith("https:///", StringComparison.OrdinalIgnoreCase))
            reference = string.Concat(reference.AsSpan(0, reference.IndexOf("///", StringComparison.Ordinal)), "//",
                reference.AsSpan(reference.IndexOf("///", StringComparison.Ordinal) + 3));
        if (IsAbsolute(reference)) return new Uri(reference);
        if (baseUri is null) return null;
        return Uri.TryCreate(baseUri, reference, out var result) ? result : null;
    }

    private static bool IsDangerous(string r)
    {
        var colon = r.IndexOf(':');
        if (colon <= 0) return false;
        var scheme = r[..colon].ToLowerInvariant();
        return scheme is "javascript" or "vbscript" or "data";
    }
}
