using System.IO.Compression;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>Undoes gzip compression recognised by its magic bytes (1F 8B), with a cap on the decompressed size.</summary>
public static class FeedBody
{
    /// <summary>Largest decompressed body accepted (a guard against gzip bombs).</summary>
    public const int MaxDecompressedBytes = 64 * 1024 * 1024;

    public static bool IsGzip(ReadOnlySpan<byte> body) => body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;

    /// <summary>The body itself, or its gzip-decompressed bytes.</summary>
    public static byte[] Decompress(byte[] body, int maxBytes = MaxDecompressedBytes)
    {
        if (!IsGzip(body)) return body;
        try
        {
            using var input = new GZipStream(new MemoryStream(body, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream(Math.Min(maxBytes, body.Length * 4));
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                    throw new FeedFormatException($"Decompressed body exceeds {maxBytes:N0} bytes (gzip bomb?).");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new FeedFormatException($"Corrupt gzip data: {ex.Message}", ex);
        }
    }
}
