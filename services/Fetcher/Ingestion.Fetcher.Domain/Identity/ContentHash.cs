using System.Security.Cryptography;

namespace Ingestion.Fetcher.Domain.Identity;

/// <summary>Says whether a re-fetched page changed: equal hashes mean equal bytes.</summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="body"/> (64 characters).</summary>
    public static string Of(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToHexStringLower(hash);
    }
}
