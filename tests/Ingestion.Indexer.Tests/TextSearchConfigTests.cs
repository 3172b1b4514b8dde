using Ingestion.Indexer.Domain.IndexTerms;
using Ingestion.Indexer.Indexing;

namespace Ingestion.Indexer.Tests;

public class TextSearchConfigTests
{
    [Theory]
    [InlineData("en", "english")]
    [InlineData("en-GB", "english")]
    [InlineData("de_AT", "german")]
    [InlineData("ru", "russian")]
    [InlineData("ja", "simple")]
    [InlineData(null, "simple")]
    [InlineData("", "simple")]
    public void Maps_language_to_configuration(string? language, string expected) =>
        Assert.Equal(expected, TextSearchConfig.For(language));
}

public class EventIdTests
{
    [Fact]
    public void Same_revision_same_id_other_revision_other_id()
    {
        Assert.Equal(EventIds.For("a1", 1), EventIds.For("a1", 1));
        Assert.NotEqual(EventIds.For("a1", 1), EventIds.For("a1", 2));
        Assert.NotEqual(EventIds.For("a1", 1), EventIds.For("a2", 1));
    }
}
