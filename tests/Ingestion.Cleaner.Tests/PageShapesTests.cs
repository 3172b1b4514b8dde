using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>
/// Shapes seen on real news pages, written here as small pages: tables that belong to the story, lines that recur by
/// design, picture credits, big inline scripts and styles around JSON-LD.
/// </summary>
public sealed class PageShapesTests
{
    [Fact]
    public void A_table_row_is_one_paragraph_with_its_numbers()
    {
        var table = "<table><tr><th>Pos.</th><th>Driver</th><th>Points</th><th>Wins</th></tr>" +
                    "<tr><td>1</td><td>Kyle Busch</td><td>5040</td><td>5</td></tr>" +
                    "<tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td><td>7</td></tr></table>";
        var html = HtmlPages.Doc("<article><h1>Standings</h1>" + HtmlPages.Article(1, 2) + table + HtmlPages.P(3) + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Contains("Pos. Driver Points Wins", a.Paragraphs);
        Assert.Contains("1 Kyle Busch 5040 5", a.Paragraphs);
        Assert.Contains("2 Martin Truex Jr. 5035 7", a.Paragraphs);
    }

    [Fact]
    public void Short_lines_that_recur_by_design_are_kept_but_a_repeated_long_paragraph_is_not()
    {
        var day = (int n) => $"<h3>Day {n}</h3><p>Breakfast: oats with one cup of berries</p><p>Portion: 1 cup, 2 tsp.</p>";
        var html = HtmlPages.Doc("<article><h1>Meal plan</h1>" + HtmlPages.P(1) + day(1) + day(2) + HtmlPages.P(2) + HtmlPages.P(1)
            + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal(2, a.Paragraphs.Count(p => p == "Portion: 1 cup, 2 tsp."));
        Assert.Equal(1, a.Paragraphs.Count(p => p == Pages.Prose(1)));
    }

    [Theory]
    [InlineData("Photo: Hau Dinh, AP")]
    [InlineData("Image credit: Reuters")]
    [InlineData("Foto: dpa")]
    [InlineData("Caption")]
    [InlineData("Hide caption")]
    public void Picture_credits_and_caption_controls_are_not_text(string line)
    {
        var html = HtmlPages.Doc("<article><h1>Visit</h1>" + HtmlPages.P(1) + $"<div>{line}</div>" + HtmlPages.Article(2, 3)
            + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.DoesNotContain(line, a.Paragraphs);
        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void A_photographers_sentence_is_still_text()
    {
        var sentence = "Photo exhibitions opened across the city on Friday, and the council said visitors were welcome at all of them.";
        var html = HtmlPages.Doc("<article><h1>Visit</h1>" + HtmlPages.P(1) + $"<p>{sentence}</p>" + HtmlPages.P(2) + "</article>");

        Assert.Contains(sentence, Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void Big_scripts_and_styles_are_skipped_but_json_ld_is_read()
    {
        var bigScript = "<script>var state = {"
            + string.Concat(Enumerable.Range(0, 2000).Select(i => $"\"k{i}\": \"</div><p>not text {i}</p>\", ")) + "};</script>";
        var bigStyle = "<style>" + string.Concat(Enumerable.Range(0, 500).Select(i => $".c{i} {{ color: red; }} ")) + "</style>";
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour budget doubled\","
            + "\"datePublished\":\"2024-03-12T07:00:00+02:00\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script>";
        var html = HtmlPages.Doc("<article><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3) + "</article>"
            + bigScript, head: bigStyle + ld);

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(DateTimeOffset.Parse("2024-03-12T05:00:00Z"), a.Published);
    }

    [Fact]
    public void Unclosed_script_does_not_lose_the_page()
    {
        var html = HtmlPages.Doc("<article><h1>Harbour</h1>" + HtmlPages.Article(1, 2, 3) + "</article><script>var x = 1;"
            + new string(' ', 100));

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void A_post_embedded_in_the_story_is_kept_but_a_share_bar_is_not()
    {
        var tweet = "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Yes this is real and yes the state spent "
            + "nearly half a million dollars on it</p>— Jane Roe (@janeroe) <a href=\"https://twitter.com/janeroe/status/1\">November 18, "
            + "2019</a></blockquote></div>";
        var html = HtmlPages.Doc("<article><h1>Harbour</h1>" + HtmlPages.Share + HtmlPages.Article(1, 2) + tweet + HtmlPages.P(3)
            + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Contains("Yes this is real and yes the state spent nearly half a million dollars on it", a.Paragraphs);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Share on Facebook", StringComparison.Ordinal));
    }
}
