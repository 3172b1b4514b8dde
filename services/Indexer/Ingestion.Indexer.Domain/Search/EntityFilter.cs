using Ingestion.Indexer.Domain.IndexTerms;

namespace Ingestion.Indexer.Domain.Search;

/// <summary>Only articles that name this entity: canonical name (matched without regard to case) and, optionally, its type.</summary>
public sealed record EntityFilter(string Name, string? Type)
{
    public static readonly IReadOnlyList<string> Types = ["PER", "ORG", "LOC"];

    /// <summary>The index keys that satisfy the filter: <c>TYPE:lower-case name</c>, one per type when no type is given.</summary>
    public IEnumerable<string> Keys => (Type is null ? Types : [Type]).Select(t => EntityKeys.Key(t, Name));

    /// <summary>Reads <c>entity</c> and <c>entityType</c>; (null, null) when neither is given.</summary>
    public static (EntityFilter? Filter, string? Error) Parse(string? name, string? type)
    {
        var n = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        var t = string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToUpperInvariant();
        if (t is not null && !Types.Contains(t))
            return (null, $"entityType '{type!.Trim()}' is not one of {string.Join(", ", Types)}.");
        if (n is null)
            return t is null ? (null, null)
                : (null, "entityType needs entity (the canonical name, e.g. entity=Sergey Lavrov&entityType=PER).");
        if (n.Length > SearchRequest.MaxNameLength)
            return (null, $"entity is too long: at most {SearchRequest.MaxNameLength} characters.");
        return (new EntityFilter(n, t), null);
    }
}
