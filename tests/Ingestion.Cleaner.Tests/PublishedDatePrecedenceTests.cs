using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>Which date wins: the page's own statement, then the feed item's, and only then a day read from the URL.</summary>
public sealed class PublishedDatePrecedenceTests
{
    static readonly string Body = HtmlPages.Doc("<article><h1>Bridge plan approved</h1>" + HtmlPages.Article(1, 2, 3, 4) + "</article>");
    const string DatedUrl = "https://news.example.com/2024/03/04/bridge-plan.html";

    [Fact]
    public void Feed_item_time_beats_the_day_in_the_url()
    {
        var item = Pages.Item(published: new DateTimeOffset(2024, 3, 4, 10, 30, 0, TimeSpan.FromHours(1)));
        var a = Pages.Html(Body, DatedUrl, item).Accepted();
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void The_day_in_the_url_is_used_when_nothing_else_says()
    {
        var a = Pages.Html(Body, DatedUrl).Accepted();
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void The_page_meta_date_beats_the_feed_item()
    {
        var html = HtmlPages.Doc("<article><h1>Bridge plan approved</h1>" + HtmlPages.Article(1, 2, 3, 4) + "</article>",
            head: "<meta property=\"article:published_time\" content=\"2024-03-03T22:15:00-05:00\">");
        var item = Pages.Item(published: new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero));
        var a = Pages.Html(html, DatedUrl, item).Accepted();
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 3, 15, 0, TimeSpan.Zero), a.Published);
    }
}
