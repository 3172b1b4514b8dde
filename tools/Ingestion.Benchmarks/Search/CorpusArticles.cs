using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;

namespace Ingestion.Benchmarks.Search;

/// <summary>
/// Generates many distinct articles from the extraction corpus's ground-truth texts (../shared/corpus/extraction/scrapinghub):
/// each keeps most paragraphs of one base text (some dropped, some borrowed from another text, order nudged), a title from
/// its opening sentence, a publication date within three years, one of twelve sources, and the entities the real enricher
/// found in the base text that still appear in the body.
/// </summary>
public sealed class CorpusArticles
{
    static readonly string[] Sources = ["Wire Desk", "Metro Daily", "Tech Ledger", "Evening Post", "Market Watcher", "Civic Journal",
        "Coastal Herald", "Science Weekly", "Sports Line", "Global Review", "Valley Times", "Night Bulletin"];
    public static readonly DateTimeOffset FirstDay = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    readonly List<Base> bases = [];

    /// <summary>A ground-truth text with what the enricher found in it (entities without their mentions, which the index does not
    /// read).</summary>
    sealed record Base(string[] Paragraphs, string? Language, IReadOnlyList<Entity> Entities, HashSet<(string, string)> EntityKeys,
        IReadOnlyList<string> Keywords);

    CorpusArticles() { }

    /// <summary>The corpus file, found by walking up to the folder holding Ingestion.sln; null when it is absent.</summary>
    public static string? FindGroundTruth() => RepoPaths.Corpus("extraction", "scrapinghub", "ground-truth.json");

    public static CorpusArticles Load(string groundTruth)
    {
        var enricher = new ArticleEnricher();
        var corpus = new CorpusArticles();
        using var doc = JsonDocument.Parse(File.ReadAllText(groundTruth));
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var body = entry.Value.GetProperty("articleBody").GetString() ?? "";
            var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length == 0) continue;
            var e = enricher.Enrich(Cleaned("base", 1, "https://example.invalid/", Title(paragraphs[0]), null, null, null, paragraphs,
                "base"));
            var entities = e.Entities.Select(x => x with { Mentions = [] }).ToList();
            corpus.bases.Add(new Base(paragraphs, e.Language, entities, entities.Select(x => (x.Name, x.Type)).ToHashSet(), e.Keywords));
        }
        return corpus;
    }

    public int BaseCount => bases.Count;

    /// <summary>Article number <paramref name="n"/>: the same n always gives the same article.</summary>
    public ArticleEnriched Article(int n)
    {
        var rng = new Random(n * 7919 + 13);
        var b = bases[n % bases.Count];
        var other = bases[rng.Next(bases.Count)];
        var paragraphs = b.Paragraphs.Where((_, i) => i == 0 || rng.NextDouble() > 0.25).ToList();
        paragraphs.Insert(rng.Next(1, paragraphs.Count + 1), other.Paragraphs[rng.Next(other.Paragraphs.Length)]);
        if (paragraphs.Count > 3 && rng.NextDouble() < 0.5)
        {
            var i = rng.Next(1, paragraphs.Count - 1);
            (paragraphs[i], paragraphs[i + 1]) = (paragraphs[i + 1], paragraphs[i]);
        }
        var body = string.Join("\n\n", paragraphs);
        var title = Title(paragraphs[rng.Next(Math.Min(3, paragraphs.Count))]);
        var published = FirstDay.AddMinutes(rng.Next(3 * 365 * 24 * 60));
        // Kept cheap (no per-article sets, no clock reads): the generator shares the 2 cores with what it measures.
        var entities = b.Entities.Concat(other == b ? [] : other.Entities.Where(e => !b.EntityKeys.Contains((e.Name, e.Type))))
            .Where(e => body.Contains(e.Name, StringComparison.Ordinal)).ToList();
        var source = Sources[rng.Next(Sources.Length)];
        var article = Cleaned($"bench-{n:D6}", 1, $"https://news.example.invalid/{n}", title, published, b.Language,
            rng.NextDouble() < 0.5 ? FirstSentence(paragraphs[0]) : null, paragraphs, source);
        var summary = FirstSentence(paragraphs[0]) + " " + FirstSentence(paragraphs[^1]);
        return new ArticleEnriched(article,
            new Ingestion.Contracts.Enrichment(b.Language, entities, b.Keywords, [], summary, body.Split(' ').Length, 1, "0000000000000000",
                null),
            published);
    }

    static CleanedArticle Cleaned(string id, int revision, string url, string title, DateTimeOffset? published, string? language,
        string? description, IReadOnlyList<string> paragraphs, string source) =>
        new(id, revision, url, title, ["Staff Writer"], published, null, language, source, null, description, null, paragraphs,
            new SourceRef("folder", source, "/bench"), published ?? FirstDay);

    static string FirstSentence(string p)
    {
        var end = p.IndexOfAny(['.', '!', '?']);
        return end is > 20 and < 300 ? p[..(end + 1)] : p[..Math.Min(p.Length, 200)];
    }

    static string Title(string p)
    {
        var words = FirstSentence(p).TrimEnd('.', '!', '?').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(14));
    }
}
