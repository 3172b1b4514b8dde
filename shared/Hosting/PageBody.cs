using System.IO.Compression;

namespace Ingestion.Hosting;

/// <summary>The gzip packing of page bodies in <c>ArticleFetched</c>.</summary>
public static class PageBody
{
    public static byte[] Compress(ReadOnlySpan<byte> body)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(body);
        return output.ToArray();
    }

    /// <summary>Unpacks a body, refusing more than <paramref name="maxBytes"/> (a decompression bomb) with <see cref="InvalidDataException"/>.</summary>
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
