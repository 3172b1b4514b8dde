using Ingestion.Contracts;

namespace Ingestion.Indexer.Domain.IndexTerms;

/// <summary>
/// What an article row holds about its entities for searching: keys (<c>TYPE:lower-case name</c>), which the entity filter
/// matches, and tags (<c>TYPE:Canonical Name</c>), which the entity facet counts. Written by the indexer, and the filter's
/// keys come from <see cref="Key"/> too, so both sides lower-case a name the same way.
/// </summary>
public static class EntityKeys
{
    public static string Key(string type, string name) => type.ToUpperInvariant() + ":" + name.ToLowerInvariant();

    public static string Tag(string type, string name) => type.ToUpperInvariant() + ":" + name;

    /// <summary>
    /// Keys and tags in the entities' order; an entity without a name or a type (a message from elsewhere may lack them
    /// whatever the contract says) has neither.
    /// </summary>
    public static (string[] Keys, string[] Tags) Of(IEnumerable<Entity> entities)
    {
        var named = entities.Where(e => (string?)e.Name is not null && (string?)e.Type is not null).ToList();
        return (named.Select(e => Key(e.Type, e.Name)).ToArray(), named.Select(e => Tag(e.Type, e.Name)).ToArray());
    }
}
