using Ingestion.Enricher.Domain.Entities.Model;

namespace Ingestion.Enricher.Tests;

public sealed class ModelTokenizerTests
{
    private static string[] Words(string text) =>
        ModelTokenizer.Split(text, 0, text.Length).Select(t => text[t.Start..t.End]).ToArray();

    [Theory]
    [InlineData("I'm sure they don't know.", new[] { "I", "'m", "sure", "they", "do", "n't", "know", "." })]
    [InlineData("Mazzoni's deli, we've heard", new[] { "Mazzoni", "'s", "deli", ",", "we", "'ve", "heard" })]
    [InlineData("I 'm here", new[] { "I", "'m", "here" })]
    [InlineData("Wait... really?!", new[] { "Wait", "...", "really", "?", "!" })]
    [InlineData("(see e-mail)", new[] { "(", "see", "e-mail", ")" })]
    public void Splits_clitics_and_punctuation_as_the_training_data_does(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Dr. Smith of Acme Inc. met J. Doe in the U.S.",
        new[] { "Dr.", "Smith", "of", "Acme", "Inc.", "met", "J.", "Doe", "in", "the", "U.S." })]
    [InlineData("It ended.", new[] { "It", "ended", "." })]
    public void Abbreviations_keep_their_period_other_words_do_not(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Mail jane.doe@example.org, or see <http://example.org/a?b=1>.",
        new[] { "Mail", "jane.doe@example.org", ",", "or", "see", "<", "http://example.org/a?b=1", ">", "." })]
    [InlineData("It cost $5,000 on 01/24/2001", new[] { "It", "cost", "$5,000", "on", "01/24/2001" })]
    [InlineData("Paris,London", new[] { "Paris", ",", "London" })]
    public void Addresses_numbers_and_dates_stay_whole(string text, string[] expected) =>
        Assert.Equal(expected, Words(text));

    [Fact]
    public void Offsets_point_into_the_given_range_of_the_text()
    {
        const string text = "xx Hello, Lavrov. yy";
        var tokens = ModelTokenizer.Split(text, 3, 17);
        Assert.Equal(new[] { (3, 8), (8, 9), (10, 16), (16, 17) }, tokens);
    }
}
