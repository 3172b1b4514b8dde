using Ingestion.Contracts;

namespace Ingestion.Indexer.Search;

/// <summary>The whole article as indexed (its newest revision) with its enrichments and every revision seen.</summary>
public sealed record ArticleDetail(
    string Id, int Revision, string Url, string Title, IReadOnlyList<string> Authors, DateTimeOffset? Published, string? Language,
    string Source, string? SiteName, string? Dateline, string? Description, string Summary, string? ImageUrl,
    IReadOnlyList<string> Paragraphs, IReadOnlyList<Entity> Entities, IReadOnlyList<string> Keywords, IReadOnlyList<Quote> Quotes,
    string? DuplicateOf, DateTimeOffset IndexedAt, IReadOnlyList<RevisionInfo> Revisions);

/// <summary>One indexed revision and its place in the change feed.</summary>
public sealed record RevisionInfo(int Revision, long ChangeCursor, DateTimeOffset IndexedAt);
