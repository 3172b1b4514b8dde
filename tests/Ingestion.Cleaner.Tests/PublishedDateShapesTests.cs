using Ingestion.Cleaner.Domain;
using Ingestion.Cleaner.Domain.Dates;

namespace Ingestion.Cleaner.Tests;

/// <summary>Published dates where pages state them in other ways than markup: visible date elements, other languages, day-first
/// numbers.</summary>
public sealed class PublishedDateShapesTests
{
    private static DateOnly? Day(string body, string url = "https://news.example.com/world/story", string lang = "es") =>
        Pages.Html(HtmlPages.Doc(body, lang: lang), url).Accepted().Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;

    [Fact]
    public void A_date_element_in_spanish_dates_the_article()
    {
        var body = "<div><p class=\"published-date\">&nbsp; / jueves 2 de abril de 2020</p></div><h1>Decomisan dólares</h1>"
            + HtmlPages.Article(1, 2, 3);
        Assert.Equal(new DateOnly(2020, 4, 2), Day(body));
    }

    [Fact]
    public void A_day_first_numeric_date_with_a_time_is_read()
    {
        var body = "<article><h1>Goiás supera Palmeiras</h1><span class=\"post-date\">22/11/2020 - 04:30</span>"
            + HtmlPages.Article(1, 2, 3) + "</article>";
        Assert.Equal(new DateOnly(2020, 11, 22), Day(body, lang: "pt"));
    }

    [Fact]
    public void Dates_in_comments_and_today_widgets_are_not_the_published_date()
    {
        var body = "<div class=\"today-date\">27 March 2024</div><article><h1>Harbour</h1>" + HtmlPages.Article(1, 2, 3) + "</article>" +
                   "<div class=\"comments\"><small class=\"comment-time\">August 07, 2019</small><p>First!</p></div>";
        Assert.Null(Day(body, lang: "en"));
    }

    [Fact]
    public void A_visible_date_that_contradicts_the_url_loses_to_the_url()
    {
        var body = "<div class=\"page-top\"><span class=\"date\">3 May 2021</span></div><article><h1>Harbour</h1>"
            + HtmlPages.Article(1, 2, 3) + "</article>";
        Assert.Equal(new DateOnly(2024, 3, 12), Day(body, "https://news.example.com/2024/03/12/harbour", "en"));
    }

    [Theory]
    [InlineData("الأربعاء، 07 أكتوبر 2020 - 12:09 م", 2020, 10, 7)]
    [InlineData("17. März 2020", 2020, 3, 17)]
    [InlineData("13 жовтня 2020", 2020, 10, 13)]
    [InlineData("5 Kasım 2020", 2020, 11, 5)]
    [InlineData("17 de marzo de 2020", 2020, 3, 17)]
    [InlineData("17.03.2020", 2020, 3, 17)]
    [InlineData("03/17/2020", 2020, 3, 17)]
    public void Month_words_of_other_languages_and_numeric_dates_are_parsed(string text, int y, int m, int d)
    {
        var found = DateParsing.ParseMachineDate(text);
        Assert.NotNull(found);
        Assert.Equal(new DateOnly(y, m, d), DateOnly.FromDateTime(found.Value.DateTime));
    }

    [Fact]
    public void Ambiguous_numeric_dates_are_read_day_first_unless_asked_month_first()
    {
        Assert.Equal(new DateOnly(2020, 4, 3), DateOnly.FromDateTime(DateParsing.FindDates("03/04/2020")[0].Value.DateTime));
        Assert.Equal(new DateOnly(2020, 3, 4),
            DateOnly.FromDateTime(DateParsing.FindDates("03/04/2020", monthFirst: true)[0].Value.DateTime));
    }

    [Fact]
    public void A_word_that_is_no_month_gives_no_date()
    {
        Assert.Empty(DateParsing.FindDates("Room 12 Building 2020"));
        Assert.Empty(DateParsing.FindDates("version 10.2.3 of 2020"));
    }

    [Fact]
    public void The_article_keeps_the_pages_offset_and_the_message_carries_utc()
    {
        var head = "<meta property=\"article:published_time\" content=\"2020-02-15T00:30:00+02:00\">";
        var article = Pages.Html(HtmlPages.Doc("<article><h1>Harbour</h1>" + HtmlPages.Article(1, 2, 3) + "</article>", head)).Accepted();

        Assert.Equal(new DateOnly(2020, 2, 15), DateOnly.FromDateTime(article.Published!.Value.DateTime));
        var cleaned = article.ToCleanedArticle("id-1", 1, "https://news.example.com/a",
            new Ingestion.Contracts.SourceRef("rss", "x", "https://news.example.com/feed"), DateTimeOffset.UtcNow);
        Assert.Equal(DateTimeOffset.Parse("2020-02-14T22:30:00Z"), cleaned.Published);
        Assert.Equal(TimeSpan.Zero, cleaned.Published!.Value.Offset);
    }
}
