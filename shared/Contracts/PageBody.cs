using System.IO.Compression;

namespace Ingestion.Contracts;

/// <summary>
/// The gzip packing of page bodies in <see cref="ArticleFetched.BodyGzip"/>: the fetcher compresses, a subscriber
/// decompresses with a limit.
/// </summary>
public static class PageBody
{
    /// <summary>Packs <paramref name="body"/> (the page bytes as received) with gzip, favouring speed over size.</summary>
    /// <param name="body">The page bytes.</param>
    /// <returns>The gzip stream, for <see cref="ArticleFetched.BodyGzip"/>.</returns>
    public static byte[] Compress(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(body);
        return output.ToArray();
    }

    /// <summary>Unpacks a body, refusing more than <paramref name="maxBytes"/> (a decompression bomb) with <see cref="InvalidDataException"/>.</summary>
    /// <param name="gzip">A gzip stream, as in <see cref="ArticleFetched.BodyGzip"/>.</param>
    /// <param name="maxBytes">The most bytes the unpacked body may have.</param>
    /// <returns>The page bytes.</returns>
    /// <exception cref="InvalidDataException">The body is larger than <paramref name="maxBytes"/> unpacked, or not gzip.</exception>
    public static byte[] Decompress(byte[] gzip, long maxBytes)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream((int)Math.Min(maxBytes, gzip.Length * 4L + 64));
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
                throw new InvalidDataException($"Page body is larger than {maxBytes} bytes when decompressed.");
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }
}
