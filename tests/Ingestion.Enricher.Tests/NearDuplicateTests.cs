using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Xunit.Abstractions;

namespace Ingestion.Enricher.Tests;

/// <summary>
/// Near-duplicates by MinHash bands and Jaccard verification: rewritten copies (one sentence changed, boilerplate
/// added) are found; distinct articles of the extraction corpus (../shared/corpus/extraction/scrapinghub) are not
/// matched with each other.
/// </summary>
public sealed partial class NearDuplicateTests(ITestOutputHelper output)
{
    private const string Boilerplate =
        "Follow our channel on WhatsApp for the latest updates.\n\nSubscribe to our newsletter to get the top stories in your inbox every "
            + "morning.";

    private const int MinWordsForRewrite = 150;

    private const string Footer = "Copyright 2024 Example Media Group. All rights reserved. Terms of use and privacy policy apply.";

    [Fact]
    public void Seed_copy_with_a_rewritten_sentence_and_boilerplate_is_found()
    {
        var body = string.Join("\n\n", SeedArticle.Paragraphs());
        var copy = Boilerplate + "\n\n" + RewriteOneSentence(body) + "\n\n" + Footer;
        var index = new NearDuplicateIndex();
        index.Add("seed", MinHash.Compute(body));
        var found = index.Find(MinHash.Compute(copy));
        output.WriteLine($"similarity {found?.Similarity:F2}; SimHash distance {SimHash.Distance(SimHash.Compute(body), SimHash.Compute(copy))} bits");
        Assert.Equal("seed", found?.Id);
    }

    [Fact]
    public void Unrelated_text_is_not_a_duplicate()
    {
        var index = new NearDuplicateIndex();
        index.Add("seed", MinHash.Compute(string.Join("\n\n", SeedArticle.Paragraphs())));
        Assert.Null(index.Find(MinHash.Compute("Rain fell on the fields all night and the river rose above its banks, flooding the meadows "
            + "near the village.")));
    }

    [Fact]
    public void Signatures_round_trip_and_identical_texts_are_similar()
    {
        var a = MinHash.Compute("India and Russia, likely to resume talks!");
        Assert.Equal(a, MinHash.FromBytes(MinHash.ToBytes(a)));
        Assert.Equal(1.0, MinHash.Similarity(a, MinHash.Compute("india  AND russia likely to\nresume talks")));
    }

    [Fact]
    public void Extraction_corpus_rewritten_copies_are_found_and_distinct_articles_are_not_matched()
    {
        var path = CorpusFile("extraction", "scrapinghub", "ground-truth.json");
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found (the shared corpus is not "
                + "beside this clone)");
            Console.WriteLine("SKIPPED: near-duplicate corpus test: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found");
            return;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var articles = doc.RootElement.EnumerateObject()
            .Select(p => (Id: p.Name, Body: p.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : ""))
            .Where(a => SimHash.Words(a.Body).Count >= 100)
            .ToList();
        Assert.True(articles.Count >= 100, $"only {articles.Count} articles with 100 words or more");

        var index = new NearDuplicateIndex();
        foreach (var (id, body) in articles) index.Add(id, MinHash.Compute(body));

        var falseMatches = new List<string>();
        foreach (var (id, body) in articles)
            if (index.Find(MinHash.Compute(body), excludeId: id) is { } m) falseMatches.Add($"{id} ~ {m.Id} ({m.Similarity:F2})");

        var signatures = articles.Select(a => MinHash.Compute(a.Body)).ToList();
        var closest = 0.0;
        for (var i = 0; i < signatures.Count; i++)
            for (var j = i + 1; j < signatures.Count; j++)
                closest = Math.Max(closest, MinHash.Similarity(signatures[i], signatures[j]));
        output.WriteLine($"highest similarity between two different corpus articles: {closest:F2} (threshold {MinHash.DefaultThreshold})");

        var missed = new List<string>();
        var simHashMissed = 0;
        var tested = 0;
        // A copy of a very short article with its longest sentence reworded and 40 words of boilerplate added
        // shares less than a third of its shingles with the original: below the threshold by design.
        foreach (var (id, body) in articles.Where(a => SimHash.Words(a.Body).Count >= MinWordsForRewrite))
        {
            var rewritten = RewriteOneSentence(body);
            if (rewritten == body) continue;
            tested++;
            var copy = Boilerplate + "\n\n" + rewritten + "\n\n" + Footer;
            var found = index.Find(MinHash.Compute(copy));
            if (found?.Id != id)
                missed.Add($"{id[..8]} ({SimHash.Words(body).Count} words, similarity {MinHash.Similarity(MinHash.Compute(body), MinHash.Compute(copy)):F2}): found {found?.Id ?? "nothing"}");
            if (SimHash.Distance(SimHash.Compute(body), SimHash.Compute(copy)) > 3) simHashMissed++;
        }
        output.WriteLine($"{articles.Count} articles, {tested} rewritten copies (articles of {MinWordsForRewrite}+ words): {missed.Count} missed by MinHash, {simHashMissed} beyond 3 SimHash bits; {falseMatches.Count} false matches");
        Assert.True(tested >= 100, $"only {tested} articles could be rewritten");
        Assert.True(falseMatches.Count == 0, "false matches: " + string.Join("; ", falseMatches));
        Assert.True(missed.Count == 0, "missed: " + string.Join("; ", missed));
    }

    /// <summary>Rewrites the longest sentence: every other word replaced, the rest kept in order.</summary>
    internal static string RewriteOneSentence(string body)
    {
        var sentences = SentenceRegex().Matches(body).Where(m => m.Value.Split(' ').Length >= 8).ToList();
        if (sentences.Count == 0) return body;
        var longest = sentences.MaxBy(m => m.Length)!;
        var words = longest.Value.Split(' ');
        for (var i = 0; i < words.Length; i += 2) words[i] = "reworded" + i;
        return body[..longest.Index] + string.Join(' ', words) + body[(longest.Index + longest.Length)..];
    }

    [GeneratedRegex(@"[^.!?\n]+[.!?]")]
    private static partial Regex SentenceRegex();

    private static string? CorpusFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) continue;
            var path = Path.Combine([dir.FullName, "..", "shared", "corpus", .. parts]);
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}
