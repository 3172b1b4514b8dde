using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Xunit.Abstractions;

namespace Ingestion.Enricher.Tests;

public sealed class SeedEnrichmentTests(ITestOutputHelper output)
{
    private static readonly ArticleEnricher Enricher = new();
    private static readonly Lazy<Enrichment> Result = new(() => Enricher.Enrich(SeedArticle.Article()));

    private static Entity? Find(string name) => Result.Value.Entities.FirstOrDefault(e => e.Name == name);

    [Fact]
    public void Seed_body_is_the_paragraphs_between_dateline_and_related_link()
    {
        var paragraphs = SeedArticle.Paragraphs();
        Assert.StartsWith("NEW DELHI: India and Russia", paragraphs[0]);
        Assert.EndsWith("could increase further.", paragraphs[^1]);
        Assert.DoesNotContain(paragraphs, p => p.Contains("googletag") || p.Contains("ALSO READ"));
    }

    [Theory]
    [InlineData("S Jaishankar", "PER")]
    [InlineData("Sergey Lavrov", "PER")]
    [InlineData("Modi", "PER")]
    [InlineData("Putin", "PER")]
    [InlineData("India", "LOC")]
    [InlineData("Russia", "LOC")]
    [InlineData("Moscow", "LOC")]
    [InlineData("New Delhi", "LOC")]
    [InlineData("Chennai", "LOC")]
    [InlineData("Vladivostok", "LOC")]
    [InlineData("Ukraine", "LOC")]
    [InlineData("Gaza", "LOC")]
    [InlineData("Afghanistan", "LOC")]
    [InlineData("G20", "ORG")]
    [InlineData("SCO", "ORG")]
    [InlineData("ASEAN", "ORG")]
    [InlineData("BRICS", "ORG")]
    [InlineData("UNSC", "ORG")]
    [InlineData("Eurasian Economic Union", "ORG")]
    public void Seed_entity_is_found_with_its_type(string name, string type)
    {
        var entity = Find(name);
        Assert.True(entity is not null,
            $"{name} not found; got: {string.Join(", ", Result.Value.Entities.Select(e => e.Name + "/" + e.Type))}");
        Assert.Equal(type, entity.Type);
    }

    [Fact]
    public void Seed_people_have_one_entity_each_with_all_their_mentions()
    {
        var entities = Result.Value.Entities;
        var jaishankar = Assert.Single(entities, e => e.Name.Contains("Jaishankar"));
        Assert.Equal(7, jaishankar.Count);
        var lavrov = Assert.Single(entities, e => e.Name.Contains("Lavrov"));
        Assert.Equal(3, lavrov.Count);
        Assert.Contains(lavrov.Mentions, m => m.Text == "Lavrov");
        var modi = Assert.Single(entities, e => e.Name.Contains("Modi"));
        Assert.Equal(2, modi.Count); // "PM Modi" and "Prime Minister Modi"
        Assert.Equal(13, Find("India")!.Count);
    }

    [Theory]
    [InlineData("Russian")]
    [InlineData("Indian")]
    [InlineData("External Affairs Minister")]
    [InlineData("External Affairs")]
    [InlineData("Foreign Minister")]
    [InlineData("Prime Minister")]
    [InlineData("President")]
    [InlineData("PM")]
    [InlineData("It")]
    [InlineData("As")]
    [InlineData("The")]
    [InlineData("Flights")]
    [InlineData("We")]
    [InlineData("January")]
    [InlineData("Wednesday")]
    [InlineData("Presidency")]
    public void Seed_non_entities_are_not_reported(string name)
    {
        Assert.DoesNotContain(Result.Value.Entities, e => e.Name == name || e.Mentions.Any(m => m.Text == name));
    }

    [Fact]
    public void Seed_names_carry_no_titles()
    {
        foreach (var e in Result.Value.Entities.Where(e => e.Type == "PER"))
        {
            Assert.DoesNotContain("Minister", e.Name);
            Assert.DoesNotContain("President", e.Name);
            Assert.False(e.Name.StartsWith("PM ", StringComparison.Ordinal), e.Name);
        }
    }

    [Fact]
    public void Seed_mention_offsets_point_into_the_joined_body()
    {
        var body = ArticleEnricher.BodyOf(SeedArticle.Article());
        foreach (var e in Result.Value.Entities)
        {
            Assert.Equal(e.Count, e.Mentions.Count);
            foreach (var m in e.Mentions) Assert.Equal(m.Text, body[m.Start..m.End]);
        }
        var delhi = Find("New Delhi")!;
        Assert.Equal(new Mention(0, 9, "NEW DELHI"), delhi.Mentions[0]);
    }

    [Fact]
    public void Seed_quotes_are_attributed_to_Jaishankar_and_Lavrov()
    {
        var quotes = Result.Value.Quotes;
        Assert.Equal(5, quotes.Count);
        Assert.Equal(4, quotes.Count(q => q.Speaker == "S Jaishankar"));
        var lavrov = Assert.Single(quotes, q => q.Speaker == "Sergey Lavrov");
        Assert.StartsWith("Russia supports Indian aspirations", lavrov.Text);
        Assert.EndsWith("not subject to political fluctuations", lavrov.Text);
        Assert.StartsWith("India-Russia relations reflect", quotes[0].Text);
        Assert.DoesNotContain(quotes, q => q.Text.Contains('"') || q.Text.EndsWith(','));
    }

    [Fact]
    public void Seed_keywords_are_ten_phrases_without_titles()
    {
        var keywords = Result.Value.Keywords;
        Assert.Equal(10, keywords.Count);
        Assert.Equal(keywords.Count, keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var k in keywords)
        {
            Assert.DoesNotContain("Minister", k, StringComparison.OrdinalIgnoreCase);
            Assert.NotEqual("PM", k);
            Assert.NotEqual("NEW DELHI", k);
            var words = k.Split(' ');
            Assert.InRange(words.Length, 1, 3);
        }
        Assert.Contains("India-Russia relations", keywords);
    }

    [Fact]
    public void Seed_summary_is_the_lead_and_cuts_no_quote()
    {
        var summary = Result.Value.Summary;
        Assert.StartsWith("India and Russia are likely to resume leadership level talks in 2024", summary); // dateline dropped
        var sentences = Domain.Text.SentenceSplitter.Split(summary);
        Assert.InRange(sentences.Count, 2, 3);
        Assert.Equal(0, summary.Count(c => c == '"') % 2);
        Assert.Equal(summary.Count(c => c == '“'), summary.Count(c => c == '”'));
        foreach (var q in Result.Value.Quotes)
        {
            // A quote is in the summary whole or not at all.
            var firstWords = string.Join(' ', q.Text.Split(' ').Take(6));
            if (summary.Contains(firstWords)) Assert.Contains(q.Text, summary);
        }
    }

    [Fact]
    public void Seed_counts_language_and_fingerprint()
    {
        var e = Result.Value;
        var body = ArticleEnricher.BodyOf(SeedArticle.Article());
        Assert.Equal(body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, e.WordCount);
        Assert.InRange(e.WordCount, 390, 410);
        Assert.Equal(2, e.ReadingMinutes); // ~400 words at 230 wpm
        Assert.Equal("en", e.Language);
        Assert.Matches("^[0-9a-f]{16}$", e.Fingerprint);
        Assert.Equal(SimHash.ToHex(SimHash.Compute(body)), e.Fingerprint);
        Assert.Null(e.DuplicateOf);
    }

    [Fact]
    public void Declared_language_is_kept()
    {
        Assert.Equal("fr", Enricher.Enrich(SeedArticle.Article("fr")).Language);
        Assert.Equal("en", Enricher.Enrich(SeedArticle.Article("en-IN")).Language);
    }

    [Fact]
    public void Enricher_is_deterministic_and_safe_to_share_between_threads()
    {
        var article = SeedArticle.Article();
        var expected = Describe(Enricher.Enrich(article));
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = Describe(Enricher.Enrich(article)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static string Describe(Enrichment e) =>
        string.Join("|", e.Entities.Select(x => $"{x.Type}:{x.Name}:{x.Count}:{string.Join(",", x.Mentions.Select(m => m.Start))}"))
        + "#" + string.Join("|", e.Keywords) + "#" + string.Join("|", e.Quotes.Select(q => q.Speaker + ":" + q.Text))
        + "#" + e.Summary + "#" + e.Fingerprint + "#" + e.WordCount;

    [Fact]
    public void Print_seed_enrichment()
    {
        var e = Result.Value;
        output.WriteLine($"Language={e.Language} WordCount={e.WordCount} ReadingMinutes={e.ReadingMinutes} Fingerprint={e.Fingerprint}");
        foreach (var x in e.Entities) output.WriteLine($"{x.Type} {x.Name} x{x.Count} [{string.Join(", ", x.Mentions.Select(m => $"{m.Text}@{m.Start}"))}]");
        output.WriteLine("Keywords: " + string.Join("; ", e.Keywords));
        foreach (var q in e.Quotes) output.WriteLine($"Quote [{q.Speaker}]: {q.Text}");
        output.WriteLine("Summary: " + e.Summary);
    }
}
