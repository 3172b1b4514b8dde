using Ingestion.Indexer.Domain;

namespace Ingestion.Indexer.Tests;

public class SearchRequestTests
{
    [Fact]
    public void Empty_query_lists_newest_with_default_limit()
    {
        var (r, error) = SearchRequest.Parse("  ", null, null, null, null, null);
        Assert.Null(error);
        Assert.Null(r!.Query);
        Assert.Equal(SearchRequest.DefaultLimit, r.Limit);
    }

    [Fact]
    public void Limit_is_capped()
    {
        var (r, _) = SearchRequest.Parse("polar", null, null, null, null, "100000");
        Assert.Equal(SearchRequest.MaxLimit, r!.Limit);
    }

    [Theory]
    [InlineData("abc", null, null, "limit")]
    [InlineData("0", null, null, "limit")]
    [InlineData(null, "yesterday-ish", null, "from")]
    [InlineData(null, null, "31/31/2024", "to")]
    [InlineData(null, "2024-02-01", "2024-01-01", "from is after to")]
    public void Bad_parameters_say_what_is_wrong(string? limit, string? from, string? to, string expected)
    {
        var (r, error) = SearchRequest.Parse("x", null, null, from, to, limit);
        Assert.Null(r);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Dates_are_read_as_utc()
    {
        var (r, _) = SearchRequest.Parse(null, null, null, "2023-12-27", "2023-12-28T10:00:00+02:00", null);
        Assert.Equal(new DateTimeOffset(2023, 12, 27, 0, 0, 0, TimeSpan.Zero), r!.From);
        Assert.Equal(new DateTimeOffset(2023, 12, 28, 8, 0, 0, TimeSpan.Zero), r.To);
    }
}
