namespace Ingestion.Contracts;

/// <summary>The cleaner turned a fetched page into an article. Consumed by the enricher.</summary>
/// <param name="Article">The extracted article.</param>
/// <param name="CleanedAt">When the extraction finished, UTC.</param>
public sealed record ArticleCleaned(CleanedArticle Article, DateTimeOffset CleanedAt);
