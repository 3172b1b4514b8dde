using Ingestion.Indexer.Domain.Search;

namespace Ingestion.Indexer.Tests.Search;

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

    [Theory]
    [InlineData("x", "XYZ", "entityType 'XYZ' is not one of PER, ORG, LOC")]
    [InlineData(null, "PER", "entityType needs entity")]
    public void Bad_entity_filters_say_what_is_wrong(string? entity, string? type, string expected)
    {
        var (r, error) = SearchRequest.Parse("x", null, null, null, null, null, entity, type);
        Assert.Null(r);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Entity_filter_is_trimmed_and_its_type_upper_cased()
    {
        var (r, _) = SearchRequest.Parse(null, null, null, null, null, null, " Sergey Lavrov ", "per");
        Assert.Equal(new EntityFilter("Sergey Lavrov", "PER"), r!.Entity);
    }

    [Theory]
    [InlineData("!!! ???", "no words to search for")]
    [InlineData("-", "no words to search for")]
    public void A_query_without_words_is_refused(string q, string expected) =>
        Assert.Contains(expected, SearchRequest.Parse(q, null, null, null, null, null).Error);

    [Fact]
    public void A_query_too_long_says_how_long_it_may_be()
    {
        var (_, error) = SearchRequest.Parse(new string('a', SearchRequest.MaxQueryLength + 1), null, null, null, null, null);
        Assert.Contains($"at most {SearchRequest.MaxQueryLength}", error);
    }

    [Theory]
    [InlineData("english", "lang")]
    [InlineData("e1", "lang")]
    public void A_bad_language_is_refused(string lang, string expected) =>
        Assert.Contains(expected, SearchRequest.Parse("x", lang, null, null, null, null).Error);

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Facets_are_asked_for_explicitly(string? facets, bool expected) =>
        Assert.Equal(expected, SearchRequest.Parse("x", null, null, null, null, null, facets: facets).Request!.Facets);

    [Fact]
    public void Facets_must_be_a_boolean() =>
        Assert.Contains("facets must be true or false", SearchRequest.Parse("x", null, null, null, null, null, facets: "yes").Error);

    [Fact]
    public void Dates_are_read_as_utc()
    {
        var (r, _) = SearchRequest.Parse(null, null, null, "2023-12-27", "2023-12-28T10:00:00+02:00", null);
        Assert.Equal(new DateTimeOffset(2023, 12, 27, 0, 0, 0, TimeSpan.Zero), r!.From);
        Assert.Equal(new DateTimeOffset(2023, 12, 28, 8, 0, 0, TimeSpan.Zero), r.To);
    }
}
