using Ingestion.Contracts;

namespace Ingestion.Cleaner.Domain;

public static class ExtractedArticleExtensions
{
    /// <summary>
    /// The message form of an extracted article. Its URL is the page's declared canonical URL when it has one,
    /// else <paramref name="fetchedUrl"/>. Dates go out in UTC.
    /// </summary>
    public static CleanedArticle ToCleanedArticle(
        this ExtractedArticle article, string articleId, int revision, string fetchedUrl, SourceRef source, DateTimeOffset fetchedAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new CleanedArticle(
            ArticleId: articleId,
            Revision: revision,
            Url: article.CanonicalUrl ?? fetchedUrl,
            Title: article.Title,
            Authors: article.Authors,
            Published: article.Published?.ToUniversalTime(),
            Modified: article.Modified?.ToUniversalTime(),
            Language: article.Language,
            SiteName: article.SiteName,
            Dateline: article.Dateline,
            Description: article.Description,
            ImageUrl: article.ImageUrl,
            Paragraphs: article.Paragraphs,
            Source: source,
            FetchedAt: fetchedAt.ToUniversalTime(),
            Section: article.Section,
            Tags: article.Tags);
    }
}
