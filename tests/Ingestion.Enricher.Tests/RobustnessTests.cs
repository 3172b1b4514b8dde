using Ingestion.Enricher.Domain;

namespace Ingestion.Enricher.Tests;

public sealed class RobustnessTests
{
    private static readonly ArticleEnricher Enricher = new();

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"\"")]
    [InlineData("“ unclosed quote that never ends, said Smith")]
    [InlineData("” closing first “ then opening")]
    [InlineData("Mr. . . Dr. PM")]
    [InlineData("NEW DELHI:")]
    [InlineData("G20-BRICS-SCO-ASEAN")]
    [InlineData("A B C D E F G H I J K L M N O P")]
    [InlineData("said said said Said SAID")]
    [InlineData("e\u0301e\u0301 Zoë Saldaña met François Hollande in Besançon 😀😀 — 中文 العربية")]
    [InlineData("Line one\r\n\r\nLine two\rLine three")]
    [InlineData("of the of the Of The OF THE")]
    [InlineData("'s 's ’s O’ O' -")]
    public void Odd_inputs_do_not_throw(string body)
    {
        var e = Enricher.Enrich(SeedArticle.FromText(body));
        var text = ArticleEnricher.BodyOf(SeedArticle.FromText(body));
        foreach (var entity in e.Entities)
        foreach (var m in entity.Mentions)
            Assert.Equal(m.Text, text[m.Start..m.End]);
        Assert.Matches("^[0-9a-f]{16}$", e.Fingerprint);
    }

    [Fact]
    public void Very_long_token_and_long_text_are_handled()
    {
        var longToken = new string('x', 100_000);
        Enricher.Enrich(SeedArticle.FromText(longToken));
        var paragraphs = Enumerable.Repeat(SeedArticle.Paragraphs(), 20).SelectMany(p => p).ToList();
        var e = Enricher.Enrich(SeedArticle.Make(paragraphs));
        Assert.Equal(20 * 7, e.Entities.Single(x => x.Name == "S Jaishankar").Count);
    }
}
