using Ingestion.Cleaner.Domain;
using Ingestion.Contracts;

namespace Ingestion.Cleaner.Tests;

public sealed class ExtractedArticleExtensionsTests
{
    [Fact]
    public void Cleaned_article_uses_the_canonical_url_when_there_is_one()
    {
        var source = new SourceRef("rss", "Daily Planet", "https://news.example.com/feed");
        var fetchedAt = DateTimeOffset.Parse("2024-03-12T10:00:00+01:00");
        var html = HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2)
            + "</article>", "<link rel=\"canonical\" href=\"https://news.example.com/canonical\">");
        var article = Pages.Html(html).Accepted();

        var cleaned = article.ToCleanedArticle("id-1", 2, "https://news.example.com/fetched", source, fetchedAt);

        Assert.Equal("https://news.example.com/canonical", cleaned.Url);
        Assert.Equal("id-1", cleaned.ArticleId);
        Assert.Equal(2, cleaned.Revision);
        Assert.Equal(article.Paragraphs, cleaned.Paragraphs);
        Assert.Equal(source, cleaned.Source);
        Assert.Equal(TimeSpan.Zero, cleaned.FetchedAt.Offset);

        var withoutCanonical = (article with { CanonicalUrl = null }).ToCleanedArticle("id-1", 1, "https://news.example.com/fetched",
            source, fetchedAt);
        Assert.Equal("https://news.example.com/fetched", withoutCanonical.Url);
    }
}
