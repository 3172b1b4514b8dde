using Ingestion.Cleaner.Domain.Dates;

namespace Ingestion.Cleaner.Tests;

public sealed class DateParsingTests
{
    [Theory]
    [InlineData("2023-12-27", "2023-12-27T00:00:00Z")]
    [InlineData("2023-12-27T10:30:00+05:30", "2023-12-27T05:00:00Z")]
    [InlineData("2023-12-27T22:15:00-0500", "2023-12-28T03:15:00Z")]
    [InlineData("2023-12-27T10:30:00.123Z", "2023-12-27T10:30:00Z")]
    [InlineData("2023-12-27 10:30:00", "2023-12-27T10:30:00Z")]
    [InlineData("Wed, 27 Dec 2023 10:00:00 GMT", "2023-12-27T10:00:00Z")]
    [InlineData("Wed, 27 Dec 2023 10:00:00 +0100", "2023-12-27T09:00:00Z")]
    [InlineData("December 27, 2023", "2023-12-27T00:00:00Z")]
    [InlineData("Dec. 27, 2023 4:05 PM EST", "2023-12-27T21:05:00Z")]
    [InlineData("27 December 2023, 10:30 AM IST", "2023-12-27T05:00:00Z")]
    [InlineData("27th of December 2023", "2023-12-27T00:00:00Z")]
    [InlineData("2023/12/27", "2023-12-27T00:00:00Z")]
    [InlineData("20231227", "2023-12-27T00:00:00Z")]
    [InlineData("1703671200", "2023-12-27T10:00:00Z")]
    public void Machine_dates_are_parsed_to_the_right_instant(string text, string expected)
    {
        var d = DateParsing.ParseMachineDate(text);
        Assert.Equal(DateTimeOffset.Parse(expected), d);
    }

    [Theory]
    [InlineData("2020-02-15T00:30:00+02:00", 2020, 2, 15, 2)]
    [InlineData("Dec. 27, 2023 11:05 PM EST", 2023, 12, 27, -5)]
    [InlineData("2020-02-15", 2020, 2, 15, 0)]
    public void The_stated_offset_is_kept_so_the_day_is_the_pages_own(string text, int y, int m, int day, int offsetHours)
    {
        var d = DateParsing.ParseMachineDate(text)!.Value;
        Assert.Equal(new DateOnly(y, m, day), DateOnly.FromDateTime(d.DateTime));
        Assert.Equal(TimeSpan.FromHours(offsetHours), d.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2023-13-45")]
    [InlineData("February 30, 2024")]
    [InlineData("12")]
    [InlineData("1850-01-01")]
    public void Non_dates_give_null(string text) => Assert.Null(DateParsing.ParseMachineDate(text));

    [Fact]
    public void Dates_are_found_in_running_text_without_overlaps()
    {
        var found = DateParsing.FindDates("Published: March 3, 2024 | Updated: 2024-03-04T08:00:00Z by staff");
        Assert.Equal(2, found.Count);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 0, 0, 0, TimeSpan.Zero), found[0].Value);
        Assert.False(found[0].HasTime);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 8, 0, 0, TimeSpan.Zero), found[1].Value);
        Assert.True(found[1].HasTime);
    }

    [Theory]
    [InlineData("https://news.example.com/2023/12/27/harbour-budget/", "2023-12-27")]
    [InlineData("https://news.example.com/world/2023-12-27/harbour", "2023-12-27")]
    [InlineData("https://news.example.com/20231227/harbour", "2023-12-27")]
    [InlineData("https://news.example.com/2023/12/harbour", null)]
    [InlineData("https://news.example.com/story/123456789", null)]
    public void Dates_in_url_paths(string url, string? expected)
    {
        var d = DateParsing.FromUrl(url);
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected + "T00:00:00Z"), d);
    }
}
