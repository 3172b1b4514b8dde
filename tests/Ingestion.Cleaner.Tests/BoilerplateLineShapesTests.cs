using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Tests;

/// <summary>Lines that are not story text, as pages in several languages write them, and story sentences that only look like
/// them.</summary>
public sealed class BoilerplateLineShapesTests
{
    [Theory]
    [InlineData("Leia também: Governo anuncia novo pacote", "Related")]
    [InlineData("À lire aussi", "Related")]
    [InlineData("Lesen Sie auch:", "Related")]
    [InlineData("Читайте также: Новости дня", "Related")]
    [InlineData("関連記事", "Related")]
    [InlineData("Image copyright Getty Images", "Label")]
    [InlineData("Photo: Hau Dinh, AP", "Label")]
    [InlineData("Protesters do not want Hong Kong to lose its autonomy (Image: getty )", "Label")]
    [InlineData("Media playback is unsupported on your device", "Label")]
    [InlineData("Advert", "Label")]
    [InlineData("Tags", "Label")]
    [InlineData("This slideshow requires JavaScript.", "Label")]
    public void Boilerplate_lines_are_recognised(string line, string kind) =>
        Assert.Equal(kind, BoilerplateLines.Classify(line).ToString());

    [Theory]
    [InlineData("(Graphic: Global assets in 2019 - here)")]
    [InlineData("Photographs taken by the survey team show the damage (see the report) across the valley.")]
    [InlineData("Tags on the birds showed that they had flown more than 2,000 kilometres in a week.")]
    [InlineData("Leia o relatório completo, disse o ministro aos jornalistas na segunda-feira.")]
    public void Story_sentences_that_look_alike_are_kept(string line) =>
        Assert.Equal(BoilerplateKind.None, BoilerplateLines.Classify(line));
}
