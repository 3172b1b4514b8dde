using System.Runtime.InteropServices;

namespace Ingestion.Indexer.Domain.Results;

/// <summary>One ranked match's facet values: its source, language and entity keys ('TYPE:lower-case name').</summary>
public sealed record FacetRow(string Id, string Source, string? Language, IReadOnlyList<string> EntityKeys);

/// <summary>A counted value; for entities also the smallest id of an article naming it (where its display name is read).</summary>
public sealed record FacetCount(string Value, long Count, string Sample);

/// <summary>The top values of each facet.</summary>
public sealed record FacetCounts(IReadOnlyList<FacetCount> Entities, IReadOnlyList<FacetCount> Sources,
    IReadOnlyList<FacetCount> Languages);

/// <summary>
/// Counts the facets of the best-ranked matches in memory, from the rows ranking has already read: the top
/// <see cref="Top"/> entities, sources and languages, most frequent first, ties by value (ordinal). A missing language
/// counts as <c>und</c>; an article naming an entity twice counts once.
/// </summary>
public static class FacetCounter
{
    public const int Top = 10;

    sealed class Tally(string sample)
    {
        public long Count = 1;
        public string Sample = sample;
        public int LastRow; // the row that counted it last: a key repeated within a row counts once
    }

    public static FacetCounts Count(IEnumerable<FacetRow> rows)
    {
        var entities = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var sources = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var languages = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var n = 0;
        foreach (var row in rows)
        {
            n++;
            Add(sources, row.Source, row.Id, n);
            Add(languages, row.Language ?? "und", row.Id, n);
            foreach (var key in row.EntityKeys) Add(entities, key, row.Id, n);
        }
        return new FacetCounts(Best(entities), Best(sources), Best(languages));
    }

    static void Add(Dictionary<string, Tally> counts, string value, string id, int row)
    {
        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out var exists);
        if (!exists) tally = new Tally(id) { LastRow = row };
        else if (tally!.LastRow != row)
        {
            tally.Count++;
            tally.LastRow = row;
            if (string.CompareOrdinal(id, tally.Sample) < 0) tally.Sample = id;
        }
    }

    /// <summary>The <see cref="Top"/> values, kept in order while the counts are read once (no sort of every value).</summary>
    static List<FacetCount> Best(Dictionary<string, Tally> counts)
    {
        var best = new List<FacetCount>(Top + 1);
        foreach (var (value, tally) in counts)
        {
            if (best.Count == Top && !Before(tally.Count, value, best[^1])) continue;
            var at = best.Count;
            while (at > 0 && Before(tally.Count, value, best[at - 1])) at--;
            best.Insert(at, new FacetCount(value, tally.Count, tally.Sample));
            if (best.Count > Top) best.RemoveAt(Top);
        }
        return best;
    }

    static bool Before(long count, string value, FacetCount other) =>
        count > other.Count || count == other.Count && string.CompareOrdinal(value, other.Value) < 0;
}
