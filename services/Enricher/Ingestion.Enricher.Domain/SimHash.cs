using System.Globalization;
using System.Text;

namespace Ingestion.Enricher.Domain;

/// <summary>
/// 64-bit SimHash (Charikar) of a text, published as <c>Enrichment.Fingerprint</c>. Near-duplicates are decided by
/// <see cref="Duplicates.MinHash"/>, which finds every copy SimHash finds and more (docs/enricher.md). The text is
/// normalised to lower-case words of letters and digits; its features are overlapping word 3-shingles, each weighted by
/// how often it occurs. Every shingle is hashed (FNV-1a, then a SplitMix64 finaliser so all 64 bits are well mixed);
/// each bit of the result is the sign of the weighted vote of all shingles on that bit. Stable across processes and
/// platforms.
/// </summary>
public static class SimHash
{
    public const int ShingleSize = 3;

    public static ulong Compute(string text)
    {
        var words = Words(text).ToArray();
        if (words.Length == 0) return 0;

        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        if (words.Length < ShingleSize)
        {
            weights[string.Join(' ', words)] = 1;
        }
        else
        {
            for (var i = 0; i + ShingleSize <= words.Length; i++)
            {
                var shingle = string.Join(' ', words, i, ShingleSize);
                weights[shingle] = weights.GetValueOrDefault(shingle) + 1;
            }
        }

        Span<long> votes = stackalloc long[64];
        foreach (var (shingle, weight) in weights)
        {
            var h = Mix(Fnv1a(shingle));
            for (var b = 0; b < 64; b++)
                votes[b] += ((h >> b) & 1) == 1 ? weight : -weight;
        }
        ulong result = 0;
        for (var b = 0; b < 64; b++)
            if (votes[b] > 0) result |= 1UL << b;
        return result;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    /// <summary>16 lower-case hex digits, as <c>Enrichment.Fingerprint</c> carries it.</summary>
    public static string ToHex(ulong h) => h.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Lower-cased runs of letters and digits.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static ulong Fnv1a(string s)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var h = offset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in s.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < n; i++)
            {
                h ^= buffer[i];
                h *= prime;
            }
        }
        return h;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
