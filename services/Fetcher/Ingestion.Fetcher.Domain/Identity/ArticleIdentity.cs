using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Fetcher.Domain.Identity;

/// <summary>The stable article id: derived from the canonical URL only, so every sighting of one page maps to one id.</summary>
public static class ArticleIdentity
{
    /// <summary>Lower-case hex of the first 16 bytes of SHA-256 over the UTF-8 canonical URL (32 characters).</summary>
    /// <param name="canonicalUrl">A URL already passed through <see cref="UrlCanonicalizer.Canonicalize"/>.</param>
    public static string IdFor(string canonicalUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(canonicalUrl);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Canonicalises <paramref name="url"/> and returns its id.</summary>
    public static string ForUrl(string url) => IdFor(UrlCanonicalizer.Canonicalize(url));
}
