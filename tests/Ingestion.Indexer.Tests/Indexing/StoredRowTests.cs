using Ingestion.Contracts;
using Ingestion.Indexer.Indexing;

namespace Ingestion.Indexer.Tests.Indexing;

public class StoredParagraphsTests
{
    [Theory]
    [InlineData(new[] { "One.", "Two." }, true)]
    [InlineData(new[] { "Only one." }, true)]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "Ends in an empty one.", "" }, true)]
    [InlineData(new[] { "An empty one", "", "in the middle." }, true)]
    [InlineData(new[] { "\nStarts with a line break.", "x" }, true)]
    [InlineData(new[] { "" }, false)] // the empty body splits into no paragraphs
    [InlineData(new[] { "Holds\n\na blank line." }, false)]
    [InlineData(new[] { "Ends in a line break.\n", "x" }, false)]
    [InlineData(new[] { "Line\nbreaks\r\nstay." }, true)]
    public void Paragraphs_are_stored_apart_only_when_the_body_does_not_give_them_back(string[] paragraphs, bool fromBody)
    {
        var body = ArticleBody.Of(paragraphs);
        Assert.Equal(fromBody, StoredParagraphs.SplitFromBody(body, paragraphs));
        // Where the body gives them back, it is the split PostgreSQL's string_to_array(body, E'\n\n') makes.
        if (fromBody) Assert.Equal(paragraphs, body.Length == 0 ? [] : body.Split(ArticleBody.ParagraphSeparator));
    }
}

public class TextArrayLiteralTests
{
    [Fact]
    public void Text_array_literals_quote_every_item()
    {
        Assert.Equal("{}", TextArrayLiteral.Of([]));
        Assert.Equal("""{"a","b \"c\" \\d",NULL,"","{x,y}"}""", TextArrayLiteral.Of(["a", "b \"c\" \\d", null, "", "{x,y}"]));
    }
}

public class StoredEventTests
{
    [Fact]
    public void The_stored_text_holds_one_cursor_placeholder_even_when_a_title_quotes_it()
    {
        var e = new ArticleIndexed(Guid.NewGuid(), "a1", 2, "https://news.example.invalid/a1", "He typed \"changeCursor\":0, twice",
            null, "en", "Desk", null, [], "Summary.", [], [], null, 42, DateTimeOffset.UnixEpoch);
        var json = StoredEvent.WithoutCursor(e);
        var stored = json.Replace(StoredEvent.Placeholder, "\"changeCursor\":17,", StringComparison.Ordinal);
        Assert.Equal(e with { ChangeCursor = 17 },
            StoredEvent.Read(stored) with { Authors = e.Authors, Entities = e.Entities, Keywords = e.Keywords });
    }
}
