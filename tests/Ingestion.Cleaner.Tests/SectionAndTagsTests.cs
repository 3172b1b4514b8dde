namespace Ingestion.Cleaner.Tests;

/// <summary>Section and tags: JSON-LD articleSection / keywords first, then article:section / article:tag meta tags.</summary>
public sealed class SectionAndTagsTests
{
    private static readonly string Body = "<article><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3) + "</article>";

    [Fact]
    public void Json_ld_section_and_keywords_are_read()
    {
        var ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour budget doubled\","
            + "\"articleSection\":[\"Politics\",\"Local\"],\"keywords\":\"harbour, budget,  city council ,budget\"}</script>";

        var a = Pages.Html(HtmlPages.Doc(Body, ld)).Accepted();

        Assert.Equal("Politics", a.Section);
        Assert.Equal(["harbour", "budget", "city council"], a.Tags);
    }

    [Fact]
    public void Article_meta_tags_are_read_when_json_ld_has_none()
    {
        var head = "<meta property=\"article:section\" content=\"- Featured 1\"><meta property=\"article:section\" "
            + "content=\"Business\"><meta property=\"article:tag\" content=\"Ports\"><meta property=\"article:tag\" content=\"Shipping "
            + "&amp; Trade\">";

        var a = Pages.Html(HtmlPages.Doc(Body, head)).Accepted();

        Assert.Equal("Business", a.Section);
        Assert.Equal(["Ports", "Shipping & Trade"], a.Tags);
    }

    [Fact]
    public void A_page_without_them_has_no_section_and_the_feed_items_categories_as_tags()
    {
        var a = Pages.Html(HtmlPages.Doc(Body), item: Pages.Item("Harbour budget doubled") with { Categories = ["World"] }).Accepted();

        Assert.Null(a.Section);
        Assert.Equal(["World"], a.Tags);
    }
}
