namespace Ingestion.Enricher.Domain.Duplicates;

/// <summary>
/// In-memory near-duplicate index (the service keeps the same bands and signatures in PostgreSQL): candidates share
/// a MinHash band, and are confirmed by the estimated Jaccard similarity of the whole signature. Not thread-safe.
/// </summary>
public sealed class NearDuplicateIndex(double threshold = MinHash.DefaultThreshold)
{
    private readonly Dictionary<long, List<string>> bands = new();
    private readonly Dictionary<string, ulong[]> signatures = new(StringComparer.Ordinal);

    public int Count => signatures.Count;

    public void Add(string id, ulong[] signature)
    {
        if (!signatures.TryAdd(id, signature)) return;
        foreach (var band in MinHash.Bands(signature))
        {
            if (!bands.TryGetValue(band, out var ids)) bands[band] = ids = [];
            ids.Add(id);
        }
    }

    /// <summary>The most similar indexed text at or above the threshold (ties: the smallest id), or null.</summary>
    public (string Id, double Similarity)? Find(ulong[] signature, string? excludeId = null)
    {
        (string Id, double Similarity)? best = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var band in MinHash.Bands(signature))
        {
            if (!bands.TryGetValue(band, out var ids)) continue;
            foreach (var id in ids)
            {
                if (id == excludeId || !seen.Add(id)) continue;
                var similarity = MinHash.Similarity(signature, signatures[id]);
                if (similarity < threshold) continue;
                if (best is null || similarity > best.Value.Similarity
                    || (similarity == best.Value.Similarity && string.CompareOrdinal(id, best.Value.Id) < 0))
                    best = (id, similarity);
            }
        }
        return best;
    }
}
