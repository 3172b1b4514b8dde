namespace Ingestion.Contracts;

/// <summary>
/// An article (or a new revision of it) is searchable. This is the event downstream services subscribe to:
/// it carries what a subscriber needs without calling back.
/// </summary>
/// <param name="EventId">Stable id of this event: the same article revision always has the same id, so a redelivered event can be recognised.</param>
/// <param name="ArticleId">Stable id of the article.</param>
/// <param name="Revision">Revision number; a changed article publishes again with a higher revision.</param>
/// <param name="Url">Canonical URL.</param>
/// <param name="Title">Headline.</param>
/// <param name="Published">Publication date, UTC, or null when unknown.</param>
/// <param name="Language">ISO 639-1 language code, or null.</param>
/// <param name="Source">Name of the feed or folder the article came from.</param>
/// <param name="SiteName">Publication or agency name, or null.</param>
/// <param name="Authors">Author names.</param>
/// <param name="Summary">Two or three sentences summarising the article.</param>
/// <param name="Entities">Canonical names and types of the entities mentioned.</param>
/// <param name="Keywords">Key phrases, most relevant first.</param>
/// <param name="DuplicateOf">Id of an earlier article this one nearly duplicates, or null.</param>
/// <param name="ChangeCursor">Position of this revision in the indexer's change feed (<c>GET /articles/changes?after=</c>).</param>
/// <param name="IndexedAt">When the article became searchable, UTC.</param>
public sealed record ArticleIndexed(
    Guid EventId,
    string ArticleId,
    int Revision,
    string Url,
    string Title,
    DateTimeOffset? Published,
    string? Language,
    string Source,
    string? SiteName,
    IReadOnlyList<string> Authors,
    string Summary,
    IReadOnlyList<EntityRef> Entities,
    IReadOnlyList<string> Keywords,
    string? DuplicateOf,
    long ChangeCursor,
    DateTimeOffset IndexedAt);

/// <summary>An entity named in an indexed article.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Type"><c>PER</c>, <c>ORG</c> or <c>LOC</c>.</param>
/// <param name="Count">Number of mentions.</param>
public sealed record EntityRef(string Name, string Type, int Count);
