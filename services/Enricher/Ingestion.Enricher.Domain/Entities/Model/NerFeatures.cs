namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// The features of one token for the perceptron, hashed to 64-bit keys (FNV-1a over a template number and its
/// values): the word, its shape and affixes, the two words and shapes on each side, word-list matches around it,
/// the word clusters of the word and its neighbours (<see cref="WordClusters"/>), and the two tags predicted before it. The tag features
/// are apart (<see cref="ExtractTagged"/>) so that a decoder
/// that tries several histories scores the rest (<see cref="ExtractUntagged"/>) once per token.
/// </summary>
public static class NerFeatures
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>All features of token i after the tags prev (i-1) and prev2 (i-2).</summary>
    public static void Extract(NerSentence s, int i, int prev, int prev2, List<ulong> into)
    {
        into.Clear();
        ExtractUntagged(s, i, into);
        ExtractTagged(s, i, prev, prev2, into);
    }

    /// <summary>Adds the features of token i that depend on the previous tags.</summary>
    public static void ExtractTagged(NerSentence s, int i, int prev, int prev2, List<ulong> into)
    {
        var tag1 = NerTags.Names[prev];
        var tag2 = NerTags.Names[prev2];
        into.Add(H(50, tag1));
        into.Add(H(51, tag2, tag1));
        into.Add(H(52, tag1, s.Lower[i]));
        into.Add(H(53, tag1, s.ShortShape[i]));
    }

    /// <summary>Adds the features of token i that do not depend on the previous tags.</summary>
    public static void ExtractUntagged(NerSentence s, int i, List<ulong> into)
    {
        var first = i == 0;
        var lower = s.Lower[i];
        var word = s.Words[i];
        into.Add(H(0));
        into.Add(H(1, lower));
        into.Add(H(2, s.Shape[i]));
        into.Add(H(3, s.ShortShape[i]));
        into.Add(H(4, first ? "1" : "0", s.ShortShape[i]));
        for (var k = 1; k <= 3 && k <= lower.Length; k++)
        {
            into.Add(H(10 + k, lower.AsSpan(0, k)));
            into.Add(H(20 + k, lower.AsSpan(lower.Length - k)));
        }
        if (lower.Length > 4) into.Add(H(24, lower.AsSpan(lower.Length - 4)));

        var p1 = Word(s, i - 1); var p2 = Word(s, i - 2); var n1 = Word(s, i + 1); var n2 = Word(s, i + 2);
        into.Add(H(30, p1));
        into.Add(H(31, p2));
        into.Add(H(32, n1));
        into.Add(H(33, n2));
        into.Add(H(34, p1, lower));
        into.Add(H(35, lower, n1));
        into.Add(H(36, ShapeAt(s, i - 1), s.ShortShape[i]));
        into.Add(H(37, s.ShortShape[i], ShapeAt(s, i + 1)));
        into.Add(H(38, ShapeAt(s, i - 1), s.ShortShape[i], ShapeAt(s, i + 1)));
        into.Add(H(39, p1, s.ShortShape[i]));
        into.Add(H(40, s.ShortShape[i], n1));

        if (s.Listed[i] is { } listed) { into.Add(H(60, listed)); into.Add(H(61, listed, s.ShortShape[i])); }
        if (s.ListedAnyCase[i] is { } anyCase) into.Add(H(62, anyCase));
        if (i > 0 && s.Listed[i - 1] is { } listedBefore) into.Add(H(63, listedBefore));
        if (i + 1 < s.Length && s.Listed[i + 1] is { } listedAfter) into.Add(H(64, listedAfter));
        var flags = s.Flags[i];
        if (flags != 0) into.Add(H(65, flags.ToString(System.Globalization.CultureInfo.InvariantCulture), s.ShortShape[i]));
        if (i > 0
            && (s.Flags[i - 1] & 7) != 0) into.Add(H(66, (s.Flags[i - 1] & 7).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (i + 1 < s.Length
            && (s.Flags[i + 1] & 15) != 0) into.Add(H(67,
            (s.Flags[i + 1] & 15).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (word.Length == 1) into.Add(H(68, s.Shape[i]));
        into.Add(H(69, word));
        if (s.City[i] is { } city) into.Add(H(75, city, s.Casing));
        into.Add(H(70, s.Casing, s.ShortShape[i]));
        into.Add(H(71, s.Casing, lower));
        if (lower.Length > 3) into.Add(H(72, lower.AsSpan(0, 4)));
        if (i + 1 < s.Length && s.Lower[i + 1].Length > 2) into.Add(H(73, s.Lower[i + 1].AsSpan(s.Lower[i + 1].Length - 3)));
        if (i > 0 && s.Lower[i - 1].Length > 2) into.Add(H(74, s.Lower[i - 1].AsSpan(s.Lower[i - 1].Length - 3)));

        // Word clusters: the word's at each granularity, with its shape; the neighbours' at the middle one.
        if (s.Clusters[i] is { } clusters)
        {
            for (var g = 0; g < clusters.Length; g++) into.Add(H(80 + g, clusters[g]));
            into.Add(H(85, clusters[1], s.ShortShape[i]));
        }
        into.Add(H(86, ClusterAt(s, i - 1)));
        into.Add(H(87, ClusterAt(s, i + 1)));
        into.Add(H(88, ClusterAt(s, i - 1), ClusterAt(s, i)));
        into.Add(H(89, ClusterAt(s, i), ClusterAt(s, i + 1)));
        into.Add(H(90, ClusterAt(s, i), s.Casing));
        into.Add(H(91, ClusterAt(s, i - 2)));
        into.Add(H(92, ClusterAt(s, i + 2)));
    }

    private static string Word(NerSentence s, int i) => i < 0 ? "<s>" : i >= s.Length ? "</s>" : s.Lower[i];
    private static string ClusterAt(NerSentence s, int i) =>
        i < 0 ? "<s>" : i >= s.Length ? "</s>" : s.Clusters[i] is { } c ? c[1] : "-";
    private static string ShapeAt(NerSentence s, int i) => i < 0 ? "<s>" : i >= s.Length ? "</s>" : s.ShortShape[i];

    private static ulong Mix(ulong h, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }
        return (h ^ 0xFF) * Prime; // separator
    }

    private static ulong H(int template) => ((Offset ^ (ulong)template) * Prime);
    private static ulong H(int template, ReadOnlySpan<char> a) => Mix(H(template), a);
    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Mix(Mix(H(template), a), b);
    private static ulong H(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        Mix(Mix(Mix(H(template), a), b), c);
}
