namespace Ingestion.Cleaner.Tests;

/// <summary>The page's own day: dates shown under the headline, RDF blocks in comments, and UTC times against the page's day.</summary>
public sealed class PageDayTests
{
    private static DateTimeOffset? Published(string body, string head = "", string url = "https://news.example.com/world/story",
        string lang = "pt") =>
        Pages.Html(HtmlPages.Doc(body, head, lang), url).Accepted().Published;

    private static DateOnly? Day(DateTimeOffset? d) => d is { } p ? DateOnly.FromDateTime(p.DateTime) : null;

    private static string JsonLd(string published) =>
        $"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Harbour budget doubled\",\"datePublished\":\"{published}\"}}</script>";

    [Fact]
    public void A_tagline_under_the_headline_dates_the_article()
    {
        var body = "<header><h1>Notícia Exata</h1></header><h1>Harbour budget doubled</h1><p class=\"tagline\">22/11/2020 - 04:30 - Fonte: "
            + "Agência Brasil</p>" + HtmlPages.Article(1, 2, 3);
        Assert.Equal(new DateOnly(2020, 11, 22), Day(Published(body)));
    }

    [Fact]
    public void A_link_whose_text_is_a_date_under_an_h2_headline_dates_the_article()
    {
        var body = "<section><h2>Harbour budget doubled</h2><p>News24<br>13 Jan 2020, 22:11 GMT+10</p>" + HtmlPages.Article(1, 2, 3)
            + "</section>";
        var published = Published(body, lang: "en");
        Assert.Equal(new DateOnly(2020, 1, 13), Day(published));
        Assert.Equal(TimeSpan.FromHours(10), published!.Value.Offset);
    }

    [Fact]
    public void A_date_inside_prose_after_the_headline_is_not_the_articles_date()
    {
        var prose = "<p>The barrel fell 22 percent on Tuesday, its lowest price since 6 March 2002, and traders expect more losses this "
            + "week.</p>";
        var body = "<article><h1>Harbour budget doubled</h1>" + prose + HtmlPages.Article(1, 2, 3) + "</article>";
        Assert.Null(Published(body, lang: "en"));
    }

    [Fact]
    public void An_rdf_block_in_a_comment_dates_the_post()
    {
        var rdf = "<!--\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n" +
                  "<rdf:Description rdf:about=\"https://blog.example.jp/e/1\" dc:title=\"Harbour\" dc:date=\"2020-07-12T22:00:00+09:00\" "
                      + "/>\n</rdf:RDF>\n-->";
        var published = Published("<div><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3) + rdf
            + "</div><div><h1>Blog</h1></div>", lang: "ja");
        Assert.Equal(DateTimeOffset.Parse("2020-07-12T13:00:00Z"), published);
        Assert.Equal(new DateOnly(2020, 7, 12), Day(published));
    }

    [Fact]
    public void A_utc_time_just_after_midnight_takes_the_day_the_url_shows()
    {
        var published = Published("<article><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3)
            + "</article>", JsonLd("2020-02-18T02:18:11Z"),
            "https://news.example.com/2020/02/17/harbour-budget-doubled/", "es");
        Assert.Equal(DateTimeOffset.Parse("2020-02-18T02:18:11Z"), published);
        Assert.Equal(new DateOnly(2020, 2, 17), Day(published));
    }

    [Fact]
    public void A_utc_time_takes_the_offset_another_tag_states_for_the_same_moment()
    {
        var head = JsonLd("2016-04-20T01:52:32Z") + "<meta property=\"article:published_time\" content=\"2016-04-19T18:52:32-07:00\">";
        var published = Published("<article><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3) + "</article>", head, lang: "en");
        Assert.Equal(TimeSpan.FromHours(-7), published!.Value.Offset);
        Assert.Equal(new DateOnly(2016, 4, 19), Day(published));
    }

    [Fact]
    public void A_utc_time_at_midday_is_not_moved_to_another_day()
    {
        var published = Published("<article><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3)
            + "</article>", JsonLd("2020-07-09T14:04:00Z"),
            "https://news.example.com/2020/07/08/harbour/", "en");
        Assert.Equal(TimeSpan.Zero, published!.Value.Offset);
    }
}
