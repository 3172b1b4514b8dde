namespace Ingestion.Enricher.Domain.Duplicates;

/// <summary>
/// MinHash signature of a text's set of word 3-shingles (the words SimHash uses: lower-case runs of letters and
/// digits): 126 minima of independently seeded 64-bit hashes. The share of equal positions estimates the Jaccard
/// similarity of the two shingle sets. A rewritten sentence or added boilerplate lowers it by the share of shingles it
/// touches, where a 64-bit SimHash may move 4-10 bits or more. Bands: 42 LSH bands of 3 positions; two texts with
/// Jaccard 0.5 share a band with probability 0.996, 0.3 with 0.68, 0.05 with 0.005 (candidates the verification
/// then rejects). Stable across processes.
/// </summary>
public static class MinHash
{
    public const int Size = 126;
    public const int BandCount = 42;
    public const int RowsPerBand = Size / BandCount;
    /// <summary>Default least estimated Jaccard similarity for a near-duplicate (configurable in the service).</summary>
    public const double DefaultThreshold = 0.3;
    private const int ShingleSize = 3;

    private static readonly ulong[] Seeds = MakeSeeds();

    public static ulong[] Compute(string text)
    {
        var signature = new ulong[Size];
        Array.Fill(signature, ulong.MaxValue);
        var words = SimHash.Words(text);
        if (words.Count == 0) return signature;
        var shingles = new HashSet<ulong>();
        var n = Math.Max(1, words.Count - ShingleSize + 1);
        for (var i = 0; i < n; i++)
        {
            var h = 14695981039346656037UL;
            for (var k = i; k < Math.Min(words.Count, i + ShingleSize); k++)
            {
                foreach (var c in words[k]) h = (h ^ c) * 1099511628211UL;
                h = (h ^ ' ') * 1099511628211UL;
            }
            shingles.Add(h);
        }
        foreach (var s in shingles)
            for (var j = 0; j < Size; j++)
            {
                var v = Mix(s ^ Seeds[j]);
                if (v < signature[j]) signature[j] = v;
            }
        return signature;
    }

    /// <summary>Estimated Jaccard similarity: the share of equal positions.</summary>
    public static double Similarity(IReadOnlyList<ulong> a, IReadOnlyList<ulong> b)
    {
        if (a.Count != Size || b.Count != Size) throw new ArgumentException($"MinHash signatures have {Size} values.");
        var equal = 0;
        for (var i = 0; i < Size; i++) if (a[i] == b[i]) equal++;
        return equal / (double)Size;
    }

    /// <summary>One key per band: the band index and its 4 values hashed together, so equal keys mean an equal band.</summary>
    public static long[] Bands(IReadOnlyList<ulong> signature)
    {
        var bands = new long[BandCount];
        for (var b = 0; b < BandCount; b++)
        {
            var h = Mix((ulong)b + 0x51ED27UL);
            for (var r = 0; r < RowsPerBand; r++) h = Mix(h ^ signature[b * RowsPerBand + r]);
            bands[b] = unchecked((long)h);
        }
        return bands;
    }

    public static byte[] ToBytes(IReadOnlyList<ulong> signature)
    {
        var bytes = new byte[Size * 8];
        for (var i = 0; i < Size; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), signature[i]);
        return bytes;
    }

    public static ulong[] FromBytes(byte[] bytes)
    {
        if (bytes.Length != Size * 8) throw new FormatException($"A MinHash signature has {Size * 8} bytes, not {bytes.Length}.");
        var signature = new ulong[Size];
        for (var i = 0; i < Size; i++) signature[i] = BitConverter.ToUInt64(bytes, i * 8);
        return signature;
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Size; i++) seeds[i] = x = Mix(x + 0x9E3779B97F4A7C15UL);
        return seeds;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
