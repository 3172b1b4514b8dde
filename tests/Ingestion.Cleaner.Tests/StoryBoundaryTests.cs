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

    [Fact]
    public void A_metered_wrapper_holding_most_of_the_body_is_the_body_whatever_its_name()
    {
        var others = string.Concat(Enumerable.Range(20, 8).Select(n => $"<div class=\"teaser\"><p>{Pages.Prose(n, 4)}</p></div>"));
        var html = HtmlPages.Doc(
            "<article><h1>Harbour budget doubled</h1><div class=\"article-body\">" + HtmlPages.P(1) +
            "<div id=\"subscription-content\">" + HtmlPages.Article(2, 3) + "</div></div></article><div class=\"more-news\">" + others
                + "</div>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void A_hover_card_after_a_name_is_not_glued_into_the_sentence()
    {
        var card = "<span class=\"people-block\"><span><img src=\"/p.jpg\"><a href=\"/people/jane-roe\">Jane Roe</a>" +
                   "<a href=\"/a\">Senators call for a port security coordinator</a> <a href=\"/b\">Budget talks stall again</a> <a "
                       + "href=\"/people/jane-roe\">MORE</a></span></span>";
        var sentence = "<p>A man pleaded guilty to threatening Rep. <span class=\"people\"><a href=\"/people/jane-roe\">Jane Roe</a>" + card
            + "</span> (D-Minn.), prosecutors said on Monday.</p>";
        var html = HtmlPages.Doc("<article><h1>Harbour budget doubled</h1>" + sentence + HtmlPages.Article(1, 2) + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal("A man pleaded guilty to threatening Rep. Jane Roe (D-Minn.), prosecutors said on Monday.", a.Paragraphs[0]);
    }
}
