using Ingestion.Indexer.Domain.Search;

namespace Ingestion.Indexer.Tests.Search;

public class SearchCursorTests
{
    static SearchRequest Parse(string? q, string? cursor = null, string? entity = null) =>
        SearchRequest.Parse(q, "en", null, "2024-01-01", null, "10", entity, null, cursor).Request!;

    [Fact]
    public void A_cursor_round_trips_exactly()
    {
        var published = new DateTimeOffset(2024, 3, 5, 10, 11, 12, TimeSpan.Zero).AddTicks(1230); // microsecond precision
        var c = new SearchCursor(true, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), 0.1234567890123456789, published,
            "a/ü 1", "abcdef");
        var (back, error) = SearchCursor.Decode(c.Encode());
        Assert.Null(error);
        Assert.Equal(c, back);
        Assert.DoesNotContain('+', c.Encode());
        Assert.DoesNotContain('/', c.Encode());
    }

    [Theory]
    [InlineData(42L, false)]
    [InlineData(15_160L, true)]
    public void A_cursor_carries_the_first_pages_total(long total, bool estimated)
    {
        var c = new SearchCursor(true, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), 2.25, null, "id", "abcdef", false, total,
            estimated);
        Assert.Equal(c, SearchCursor.Decode(c.Encode()).Cursor);
        var old = new SearchCursor(true, c.AsOf, 2.25, null, "id", "abcdef"); // a cursor given out before totals were carried
        Assert.Null(SearchCursor.Decode(old.Encode()).Cursor!.Total);
    }

    [Fact]
    public void The_next_page_of_the_same_search_accepts_its_cursor()
    {
        var first = Parse("polar bears");
        var cursor = new SearchCursor(true, DateTimeOffset.UtcNow, 0.5, null, "id-1", first.Fingerprint).Encode();
        var (next, error) = SearchRequest.Parse("polar bears", "en", null, "2024-01-01", null, "10", null, null, cursor);
        Assert.Null(error);
        Assert.Equal("id-1", next!.Cursor!.ArticleId);
    }

    [Theory]
    [InlineData("not-base64-!!")]
    [InlineData("eyJrIjoieCJ9")] // {"k":"x"}
    [InlineData("eyJrIjoiciIsInQiOjEsInMiOjAuNSwiaWQiOiIiLCJmIjoiYWIifQ")] // no article id
    public void A_cursor_that_was_not_given_out_is_refused(string cursor)
    {
        var (r, error) = SearchRequest.Parse("x", null, null, null, null, null, cursor: cursor);
        Assert.Null(r);
        Assert.Contains("cursor is not one this API gave out", error);
    }

    [Fact]
    public void A_cursor_of_another_search_is_refused()
    {
        var other = Parse("polar bears", entity: "Arctic Council");
        var cursor = new SearchCursor(true, DateTimeOffset.UtcNow, 0.5, null, "id-1", other.Fingerprint).Encode();
        var (r, error) = SearchRequest.Parse("polar bears", "en", null, "2024-01-01", null, "10", null, null, cursor);
        Assert.Null(r);
        Assert.Contains("different search", error);
    }

    [Fact]
    public void A_ranked_cursor_does_not_continue_the_newest_list()
    {
        var newest = Parse(null);
        var cursor = new SearchCursor(true, DateTimeOffset.UtcNow, 0.5, null, "id-1", newest.Fingerprint).Encode();
        var (_, error) = SearchRequest.Parse(null, "en", null, "2024-01-01", null, "10", null, null, cursor);
        Assert.Contains("ranked vs newest", error);
    }
}

public class SearchTextTests
{
    [Theory]
    [InlineData("polar bears", "polar bears")]
    [InlineData("\"climate change\" -coal", "climate change")]
    [InlineData("apple OR samsung", "apple samsung")]
    [InlineData("-only -excluded", null)]
    [InlineData("O'Brien's 2024!", "O'Brien's 2024")]
    public void Keeps_the_words_a_title_should_resemble(string query, string? expected) =>
        Assert.Equal(expected, SearchText.ForTrigrams(query));

    [Theory]
    [InlineData("Parliment debates", "Parliment debates")]
    [InlineData("\"climate change\"", null)]
    [InlineData("\"climate change\" OR \"global warming\" -coal", null)]
    [InlineData("\"climate change\" polcy", "climate change polcy")]
    [InlineData("\"unclosed quote", null)]
    public void Near_titles_only_for_queries_with_an_unquoted_word(string query, string? expected) =>
        Assert.Equal(expected, SearchRequest.Parse(query, null, null, null, null, null).Request!.TitleText);

    [Theory]
    [InlineData("Governments -coal", new[] { "govern" })]
    [InlineData("\"Prime Minister\" OR PM", new[] { "prime", "minist", "pm" })]
    [InlineData("a polar bears polar", new[] { "polar", "bears" })]
    public void Word_starts_locate_snippets_across_inflections(string query, string[] expected) =>
        Assert.Equal(expected, SearchText.WordStarts(query));

    [Fact]
    public void No_query_has_no_word_starts() => Assert.Empty(SearchText.WordStarts(null));
}

public class EntityFilterTests
{
    [Fact]
    public void Keys_match_the_index_form_type_colon_lower_case_name()
    {
        Assert.Equal(["ORG:arctic council"], new EntityFilter("Arctic Council", "ORG").Keys);
        Assert.Equal(["PER:oslo", "ORG:oslo", "LOC:oslo"], new EntityFilter("Oslo", null).Keys);
    }
}
