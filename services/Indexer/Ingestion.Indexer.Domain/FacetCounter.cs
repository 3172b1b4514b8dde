namespace Ingestion.Indexer.Domain;

/// <summary>One ranked match's facet values: its source, language and entity keys ('TYPE:lower-case name').</summary>
public sealed record FacetRow(string Id, string Source, string? Language, IReadOnlyList<string> EntityKeys);

/// <summary>A counted value; for entities also the smallest id of an article naming it (where its display name is read).</summary>
public sealed record FacetCount(string Value, long Count, string Sample);

/// <summary>The top values of each facet.</summary>
public sealed record FacetCounts(IReadOnlyList<FacetCount> Entities, IReadOnlyList<FacetCount> Sources, IReadOnlyList<FacetCount> Languages);

/// <summary>
/// Counts the facets of the best-ranked matches in memory, from the rows ranking has already read: the top
/// <see cref="Top"/> entities, sources and languages, most frequent first, ties by value (ordinal). A missing language
/// counts as <c>und</c>; an article naming an entity twice counts once.
/// </summary>
public static class FacetCounter
{
    public const int Top = 10;

    public static FacetCounts Count(IEnumerable<FacetRow> rows)
    {
        var entities = new Dictionary<string, (long Count, string Sample)>(StringComparer.Ordinal);
        var sources = new Dictionary<string, (long Count, string Sample)>(StringComparer.Ordinal);
        var languages = new Dictionary<string, (long Count, string Sample)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            Add(sources, row.Source, row.Id);
            Add(languages, row.Language ?? "und", row.Id);
            foreach (var key in row.EntityKeys.Distinct(StringComparer.Ordinal)) Add(entities, key, row.Id);
        }
        return new FacetCounts(Best(entities), Best(sources), Best(languages));
    }

    private static void Add(Dictionary<string, (long Count, string Sample)> counts, string value, string id)
    {
        counts[value] = counts.TryGetValue(value, out var c)
            ? (c.Count + 1, string.CompareOrdinal(id, c.Sample) < 0 ? id : c.Sample)
            : (1, id);
    }

    private static List<FacetCount> Best(Dictionary<string, (long Count, string Sample)> counts) =>
        counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Top)
            .Select(c => new FacetCount(c.Key, c.Value.Count, c.Value.Sample)).ToList();
}
