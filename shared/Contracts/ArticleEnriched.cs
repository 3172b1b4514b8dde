namespace Ingestion.Contracts;

/// <summary>The enricher added entities, keywords, quotes, a summary and a fingerprint. Consumed by the indexer.</summary>
/// <param name="Article">The article as cleaned.</param>
/// <param name="Enrichment">What the enricher found.</param>
/// <param name="EnrichedAt">When enrichment finished, UTC.</param>
public sealed record ArticleEnriched(CleanedArticle Article, Enrichment Enrichment, DateTimeOffset EnrichedAt);
