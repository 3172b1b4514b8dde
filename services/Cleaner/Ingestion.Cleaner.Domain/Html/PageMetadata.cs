namespace Ingestion.Cleaner.Domain.Html;

/// <summary>What the markup says about the article, each field from the most reliable place that had it.</summary>
internal sealed class PageMetadata
{
    public string? Title { get; set; }
    public string? DocumentTitle { get; set; }
    public string? H1 { get; set; }
    public List<string> Authors { get; } = [];
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset? UrlDate { get; set; }
    public DateTimeOffset? Modified { get; set; }
    public string? SiteName { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public string? CanonicalUrl { get; set; }
    public string? Language { get; set; }
    public string? Section { get; set; }
    public IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>JSON-LD or <c>og:type</c> says the page is an article.</summary>
    public bool DeclaresArticle { get; set; }

    /// <summary>JSON-LD <c>articleBody</c>, when the page has one: a fallback body for pages that render it with script.</summary>
    public string? JsonLdArticleBody { get; set; }
}
