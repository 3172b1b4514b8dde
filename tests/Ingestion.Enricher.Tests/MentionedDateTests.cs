using Ingestion.Contracts;
using Ingestion.Enricher.Domain.Dates;

namespace Ingestion.Enricher.Tests;

public sealed class MentionedDateTests
{
    // Wednesday 27 December 2023, the seed's publish date.
    private static readonly DateTimeOffset Published = new(2023, 12, 27, 0, 0, 0, TimeSpan.Zero);

    private static MentionedDate One(string text, DateTimeOffset? published = null) =>
        Assert.Single(MentionedDates.Find(text, published ?? Published));

    [Theory]
    [InlineData("The talks were held on Monday.", "on Monday", 2023, 12, 25)]
    [InlineData("He arrived last Wednesday.", "last Wednesday", 2023, 12, 20)]
    [InlineData("They meet next Friday.", "next Friday", 2023, 12, 29)]
    [InlineData("It was signed yesterday.", "yesterday", 2023, 12, 26)]
    [InlineData("The summit opened on December 25, 2023 in Moscow.", "December 25, 2023", 2023, 12, 25)]
    [InlineData("Elections are due on 5 January.", "5 January", 2024, 1, 5)]
    [InlineData("The deal was agreed on Dec. 3.", "Dec. 3", 2023, 12, 3)]
    [InlineData("The report (2023-11-30) was late.", "2023-11-30", 2023, 11, 30)]
    public void Day_expressions_resolve_against_the_publish_date(string text, string expression, int y, int m, int d) =>
        AssertResolves(text, expression, new DateOnly(y, m, d), "day");

    private static void AssertResolves(string text, string expression, DateOnly expected, string granularity)
    {
        var date = One(text);
        Assert.Equal(expression, date.Text);
        Assert.Equal(expected, date.Date);
        Assert.Equal(granularity, date.Granularity);
        Assert.Equal(expression, text[date.Start..date.End]);
    }

    [Fact]
    public void Month_and_year_expressions_have_their_granularity()
    {
        var dates = MentionedDates.Find("Trade grew in March 2023 and will grow next year.", Published);
        Assert.Equal([("March 2023", new DateOnly(2023, 3, 1), "month"), ("next year", new DateOnly(2024, 1, 1), "year")],
            dates.Select(x => (x.Text, x.Date, x.Granularity)));
    }

    [Theory]
    [InlineData("The vote is next week.", "next week", 2024, 1, 1)]
    [InlineData("Prices fell last week.", "last week", 2023, 12, 18)]
    [InlineData("Talks resume this week.", "this week", 2023, 12, 25)]
    public void Week_expressions_resolve_to_the_monday_of_that_week(string text, string expression, int y, int m, int d) =>
        AssertResolves(text, expression, new DateOnly(y, m, d), "week");

    [Fact]
    public void A_week_published_on_a_sunday_is_the_week_that_began_the_monday_before()
    {
        var sunday = new DateTimeOffset(2023, 12, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2023, 12, 25), One("Markets were calm this week.", sunday).Date);
        Assert.Equal(new DateOnly(2024, 1, 1), One("They return next week.", sunday).Date);
    }

    [Fact]
    public void Without_a_publish_date_only_dates_with_a_year_resolve()
    {
        var dates = MentionedDates.Find("On Monday, and on 3 May 2022, and yesterday.", null);
        Assert.Equal(new DateOnly(2022, 5, 3), Assert.Single(dates).Date);
    }

    [Fact]
    public void Impossible_dates_are_ignored() => Assert.Empty(MentionedDates.Find("On February 30, 2023 nothing happened.", Published));

    [Fact]
    public void The_enrichment_carries_the_dates_of_the_body()
    {
        var enrichment = new Ingestion.Enricher.Domain.ArticleEnricher().Enrich(
            SeedArticle.FromText("The ministers met on Monday. The next round is planned for March 2024.", "en"));
        Assert.Equal([("on Monday", new DateOnly(2023, 12, 25)), ("March 2024", new DateOnly(2024, 3, 1))],
            enrichment.Dates.Select(d => (d.Text, d.Date)));
    }

    [Fact]
    public void Dates_travel_in_json_and_messages_without_them_still_read()
    {
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var enrichment = new Enrichment("en", [], [], [], "", 1, 1, "0000000000000000", null,
            [new MentionedDate(0, 6, "Monday", new DateOnly(2023, 12, 25), "day")]);
        var json = System.Text.Json.JsonSerializer.Serialize(enrichment, web);
        Assert.Contains("\"dates\":[{\"start\":0,\"end\":6,\"text\":\"Monday\",\"date\":\"2023-12-25\",\"granularity\":\"day\"}]", json);
        Assert.Equal(enrichment.Dates, System.Text.Json.JsonSerializer.Deserialize<Enrichment>(json, web)!.Dates);

        var older = json[..json.IndexOf(",\"dates\"", StringComparison.Ordinal)] + "}";
        Assert.Empty(System.Text.Json.JsonSerializer.Deserialize<Enrichment>(older, web)!.Dates);
        Assert.Empty(new Enrichment("en", [], [], [], "", 1, 1, "0000000000000000", null).Dates);
    }
}
