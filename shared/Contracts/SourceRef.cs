namespace Ingestion.Contracts;

/// <summary>The source an article was found in.</summary>
/// <param name="Kind">The kind of source: <c>folder</c>, <c>rss</c>, <c>atom</c>, <c>json</c> or <c>sitemap</c>.</param>
/// <param name="Name">The source's configured name (for a feed, its title or the name given when it was added).</param>
/// <param name="Location">The feed URL or the folder path.</param>
public sealed record SourceRef(string Kind, string Name, string Location);
