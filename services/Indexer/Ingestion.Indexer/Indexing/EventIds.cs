using System.Security.Cryptography;
using System.Text;

namespace Ingestion.Indexer.Indexing;

/// <summary>Stable event ids: the same article revision always gets the same id, so subscribers can drop redeliveries.</summary>
public static class EventIds
{
    public static Guid For(string articleId, int revision)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"ArticleIndexed/{articleId}/{revision}"), hash);
        var bytes = hash[..16].ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5-style (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
