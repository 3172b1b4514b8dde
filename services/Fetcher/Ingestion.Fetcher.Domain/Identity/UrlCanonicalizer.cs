using System.Globalization;
using System.Text;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Identity;

/// <summary>
/// Turns the many spellings of one page's URL into one canonical string, so the same article found twice
/// (two feeds, two campaign links) gets one <see cref="ArticleIdentity"/>.
/// </summary>
/// <remarks>
/// For http and https: lower-case scheme and host (IDN hosts in their ASCII form), default port dropped,
/// fragment dropped, dot segments resolved, empty path becomes "/", percent-escapes normalised (upper-case hex,
/// unreserved characters decoded), tracking parameters (<see cref="TrackingParameters"/>) dropped and the
/// remaining query parameters sorted (stably, by name then value). The path is otherwise kept as is: no
/// trailing-slash or "index.html" games. Other schemes (file:, ...) pass through normalised by <see cref="Uri"/>
/// without their fragment.
/// </remarks>
public static class UrlCanonicalizer
{
    /// <summary>The canonical form of <paramref name="url"/>; throws <see cref="ArgumentException"/> when it is not an absolute
    /// URL.</summary>
    public static string Canonicalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TryCanonicalize(url, out var canonical)
            ? canonical
            : throw new ArgumentException($"Not an absolute URL: '{Truncate(url)}'.", nameof(url));
    }

    /// <summary>Like <see cref="Canonicalize"/>, returning false instead of throwing.</summary>
    public static bool TryCanonicalize(string? url, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(url)) return false;
        // XmlBase.IsAbsolute insists on a written scheme: on Unix, Uri alone would take "/path" for a file: URL.
        if (!XmlBase.IsAbsolute(url.Trim()) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return false;

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            canonical = uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
            return true;
        }
        if (string.IsNullOrEmpty(uri.Host)) return false;

        var sb = new StringBuilder(url.Length);
        sb.Append(uri.Scheme).Append("://");
        var userInfo = uri.GetComponents(UriComponents.UserInfo, UriFormat.UriEscaped);
        if (userInfo.Length > 0) sb.Append(userInfo).Append('@');
        sb.Append(HostOf(uri));
        if (!uri.IsDefaultPort) sb.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));

        var path = NormalizeEscapes(uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped));
        sb.Append(path.Length == 0 ? "/" : path);

        var query = CanonicalQuery(uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped));
        if (query.Length > 0) sb.Append('?').Append(query);

        canonical = sb.ToString();
        return true;
    }

    private static string HostOf(Uri uri)
    {
        if (uri.HostNameType == UriHostNameType.IPv6)
        {
            var h = uri.Host.ToLowerInvariant();
            return h.StartsWith('[') ? h : "[" + h + "]";
        }
        return uri.IdnHost.TrimEnd('.').ToLowerInvariant();
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length == 0) return string.Empty;
        var kept = new List<(string Name, string Pair)>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            if (TrackingParameters.IsTracking(Uri.UnescapeDataString(name))) continue;
            kept.Add((NormalizeEscapes(name), NormalizeEscapes(part)));
        }
        // OrderBy is stable: parameters with the same name keep their relative order.
        return string.Join('&', kept.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Pair));
    }

    /// <summary>Upper-cases the hex digits of percent-escapes and decodes escaped unreserved characters (RFC 3986 6.2.2).</summary>
    internal static string NormalizeEscapes(string s)
    {
        if (!s.Contains('%')) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                var value = (char)Convert.ToInt32(s.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                    sb.Append(value);
                else
                    sb.Append('%').Append(char.ToUpperInvariant(s[i + 1])).Append(char.ToUpperInvariant(s[i + 2]));
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
