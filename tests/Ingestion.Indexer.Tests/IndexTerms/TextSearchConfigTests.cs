using Ingestion.Indexer.Domain.IndexTerms;

namespace Ingestion.Indexer.Tests.IndexTerms;

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
