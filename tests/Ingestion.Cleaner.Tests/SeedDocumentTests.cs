using System.Text;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>The golden result for the seed document (a New Indian Express text dump).</summary>
public sealed class SeedDocumentTests
{
    private static readonly string[] ExpectedStarts =
    [
        "NEW DELHI: India and Russia are likely to resume leadership level talks in 2024",
        "It may be recalled that for the last two years",
        "\"India-Russia relations reflect geopolitical realities",
        "Jaishankar and Russian Foreign Minister Sergey Lavrov met for the seventh time this year.",
        "\"I learned this is our seventh meeting",
        "As strategic partners, Jaishankar in his interaction with Lavrov",
        "\"Russia supports Indian aspirations",
        "\"What has clearly come out after our talks",
        "India and Russia also discussed cooperation over the Russian Far East.",
        "The two ministers also agreed that the negotiations",
        "\"We also spoke about connectivity from western India",
        "India is also hopeful of receiving more tourists from Russia.",
    ];

    private static ExtractionResult Run()
    {
        var bytes = File.ReadAllBytes(TestFiles.Seed("000_07d19f153c2cce90.txt"));
        return Pages.Extractor.Extract(new PageInput(bytes, "text/plain", null, "file:///seeds/000_07d19f153c2cce90.txt", null));
    }

    [Fact]
    public void Seed_gives_the_golden_article()
    {
        var a = Run().Accepted();

        Assert.Equal(new DateTimeOffset(2023, 12, 27, 0, 0, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(["Yeshi Seli"], a.Authors);
        Assert.Equal("Express News Service", a.SiteName);
        Assert.Equal("New Delhi", a.Dateline);
        Assert.StartsWith("India and Russia are likely to resume leadership level talks in 2024", a.Title);
        Assert.True(a.Title.Length <= 110);
    }

    [Fact]
    public void Seed_body_is_the_twelve_paragraphs_each_once()
    {
        var a = Run().Accepted();
        var text = File.ReadAllText(TestFiles.Seed("000_07d19f153c2cce90.txt"), Encoding.UTF8);
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l.StartsWith("NEW DELHI:", StringComparison.Ordinal));
        var last = lines.FindIndex(l =>
            l.EndsWith("Flights between the two nations have increased from 52 to 64 and could increase further.",
            StringComparison.Ordinal));
        var expected = lines.Skip(first).Take(last - first + 1).Where(l => l.Length > 0).ToList();

        // The seed holds 12 body paragraphs: the last one ("India is also hopeful ... could increase further.")
        // carries two sentences. The brief spoke of 13; the file is the authority.
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, a.Paragraphs);
        Assert.Equal(a.Paragraphs.Count, a.Paragraphs.Distinct().Count());
        for (var i = 0; i < ExpectedStarts.Length; i++)
            Assert.Contains(a.Paragraphs, p => p.StartsWith(ExpectedStarts[i], StringComparison.Ordinal));
        Assert.StartsWith("NEW DELHI: India and Russia", a.Paragraphs[0]);
        Assert.EndsWith("Flights between the two nations have increased from 52 to 64 and could increase further.", a.Paragraphs[^1],
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kudankulam")]
    [InlineData("ALSO READ")]
    [InlineData("WhatsApp")]
    [InlineData("googletag")]
    public void Seed_body_has_no_boilerplate(string word)
    {
        var a = Run().Accepted();
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(word, a.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Seed_stats_count_what_was_dropped()
    {
        var r = Run();
        Assert.Equal(12, r.Stats.ParagraphsKept);
        Assert.True(r.Stats.ParagraphsDropped >= 3, $"dropped {r.Stats.ParagraphsDropped}");
        Assert.Equal(r.Article!.Paragraphs.Sum(p => p.Length), r.Stats.OutputChars);
        Assert.True(r.Stats.InputBytes > 5000);
    }
}
