using System.Diagnostics;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.Enricher.Domain.Entities;

namespace Ingestion.Benchmarks.EnricherThroughput;

/// <summary>
/// harness enrichment [--rounds N]: enriches the extraction corpus's article texts (../shared/corpus/extraction/scrapinghub
/// ground-truth.json, one paragraph per line) on one thread, with the default recogniser (rules + trained model) and with
/// the rules alone, plus the MinHash signature the service computes; reports articles per CPU-second of one thread
/// (per core: wall time is also shown, but the machine may be shared), ms per article and peak memory. Last line: "enrichment: articles=N per_core=X/s ms_per_article=Y peak_working_set_mb=Z".
/// </summary>
public static class EnrichmentHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var path = Search.CorpusArticles.FindGroundTruth();
        if (path is null)
        {
            Console.WriteLine("SKIPPED: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found (the shared corpus is not beside this clone)");
            return Task.FromResult(0);
        }
        var articles = Load(path);
        var words = articles.Sum(a => ArticleEnricher.CountWords(ArticleEnricher.BodyOf(a)));
        Console.WriteLine($"{articles.Count} articles, {words / articles.Count} words on average, {rounds} rounds, 1 thread");

        var noLingua = Measure("rules + perceptron, stopword language guess (no Lingua)", new ArticleEnricher(null, identifyLanguage: false), articles, rounds);
        var rules = Measure("rules only", new ArticleEnricher(new EntityRecognizer()), articles, rounds);
        var combined = Measure("rules + perceptron (default)", new ArticleEnricher(), articles, rounds);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine($"peak working set {peak:F0} MB, managed heap {GC.GetTotalMemory(false) / (1024.0 * 1024):F0} MB");
        Console.WriteLine(FormattableString.Invariant(
            $"enrichment: articles={articles.Count * rounds} per_core={combined:F0}/s without_lingua_per_core={noLingua:F0}/s rules_only_per_core={rules:F0}/s cpu_ms_per_article={1000 / combined:F2} peak_working_set_mb={peak:F0}"));
        return Task.FromResult(0);
    }

    private static double Measure(string name, ArticleEnricher enricher, List<CleanedArticle> articles, int rounds)
    {
        foreach (var a in articles) enricher.Enrich(a); // warm-up round: word lists, models, tiered JIT (else the first configuration pays it)
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var entities = 0;
        for (var r = 0; r < rounds; r++)
            foreach (var a in articles)
            {
                entities += enricher.Enrich(a).Entities.Count;
                MinHash.Compute(ArticleEnricher.BodyOf(a));
            }
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var n = articles.Count * rounds;
        var perSecond = n / cpuSeconds; // per core: CPU time of this process (the machine may be shared)
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: {perSecond:F0} articles per CPU-second ({1000 * elapsed / n:F2} ms/article wall, {1000 * cpuSeconds / n:F2} ms CPU incl. GC), {entities / rounds} entities per round"));
        return perSecond;
    }

    private static List<CleanedArticle> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var list = new List<CleanedArticle>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var body = p.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length == 0) continue;
            var url = p.Value.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            list.Add(new CleanedArticle(p.Name, 1, url, paragraphs[0].Length > 80 ? paragraphs[0][..80] : paragraphs[0], [],
                new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), null, null, null, null, null, null, paragraphs,
                new SourceRef("folder", "bench", "bench/"), DateTimeOffset.UtcNow));
        }
        return list;
    }
}
