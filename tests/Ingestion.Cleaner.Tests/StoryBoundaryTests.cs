namespace Ingestion.Cleaner.Tests;

/// <summary>Where the story ends: the article that holds the headline against the lists and cards around it.</summary>
public sealed class StoryBoundaryTests
{
    [Fact]
    public void The_article_with_the_headline_wins_over_longer_teasers_listed_after_it()
    {
        var teaser = (int n) => $"<article class=\"post\"><h2><a href=\"/p{n}\">Post {n}</a></h2><p>{Pages.Prose(n, 6)}</p></article>";
        var html = HtmlPages.Doc(
            "<div id=\"primary\"><article class=\"post\"><h1>Harbour budget doubled</h1>" + HtmlPages.P(1) + "</article>" +
            "<article class=\"postbox\"><h3>You may also like</h3>" + teaser(4) + teaser(5) + teaser(6) + "</article></div>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1)], a.Paragraphs);
    }
}
