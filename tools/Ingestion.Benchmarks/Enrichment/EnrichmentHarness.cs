using System.Diagnostics;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.Enricher.Domain.Embeddings;
using Ingestion.Enricher.Domain.Entities;

namespace Ingestion.Benchmarks.EnricherThroughput;

/// <summary>
/// harness enrichment [--rounds N] [--encoder [--max-tokens N] [--lead-words N]]: enriches the extraction corpus's article texts
/// (../shared/corpus/extraction/scrapinghub
/// ground-truth.json, one paragraph per line) on one thread, with the default recogniser (rules + trained model) and with
/// the rules alone, plus the MinHash signature the service computes; reports articles per CPU-second of one thread
/// (per core: wall time is also shown, but the machine may be shared), ms per article and peak memory. Last line: "enrichment: articles=N
/// per_core=X/s ms_per_article=Y peak_working_set_mb=Z".
/// With --encoder the MiniLM article encoder (Enricher:Encoder:Enabled) is also loaded and measured, alone and inside the
/// default enricher; the last line then also has encoder_per_core, encoder_cpu_ms_per_article, encoder_ms_per_article
/// (CPU of the encoder alone), tokens and the load time, and the peak working set includes the model. --max-tokens and
/// --lead-words set the encoder's Enricher:Encoder:MaxTokens and LeadWords (defaults 128 and 15).
/// </summary>
public static class EnrichmentHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var rounds = 5;
        var withEncoder = false;
        var encoderOptions = new EncoderOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds"
                && i + 1 < args.Length) rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--encoder") withEncoder = true;
            else if (args[i] == "--max-tokens" && i + 1 < args.Length)
                encoderOptions = encoderOptions with { MaxTokens = int.Parse(args[++i],
                    System.Globalization.CultureInfo.InvariantCulture) };
            else if (args[i] == "--lead-words" && i + 1 < args.Length)
                encoderOptions = encoderOptions with { LeadWords = int.Parse(args[++i],
                    System.Globalization.CultureInfo.InvariantCulture) };
            else
            {
                Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: harness enrichment [--rounds N] [--encoder [--max-tokens N] [--lead-words N]]");
                return Task.FromResult(2);
            }
        }
        var path = Search.CorpusArticles.FindGroundTruth();
        if (path is null)
        {
            Console.WriteLine("SKIPPED: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found (the shared corpus is not "
                + "beside this clone)");
            return Task.FromResult(0);
        }
        var articles = Load(path);
        var words = articles.Sum(a => ArticleEnricher.CountWords(ArticleEnricher.BodyOf(a)));
        Console.WriteLine($"{articles.Count} articles, {words / articles.Count} words on average, {rounds} rounds, 1 thread");

        var noLingua = Measure("rules + perceptron, stopword language guess (no Lingua)",
            new ArticleEnricher(null, identifyLanguage: false), articles, rounds);
        var rules = Measure("rules only", new ArticleEnricher(new EntityRecognizer()), articles, rounds);
        var combined = Measure("rules + perceptron (default)", new ArticleEnricher(), articles, rounds);
        var encoderFigures = "";
        if (withEncoder)
        {
            var load = Stopwatch.StartNew();
            using var encoder = new ArticleEncoder(encoderOptions);
            var loadSeconds = load.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"encoder loaded in {loadSeconds:F1} s (MaxTokens {encoder.Options.MaxTokens}, LeadWords {encoder.Options.LeadWords}, {encoder.Options.Threads} thread); working set {Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024):F0} MB"));
            var (encoderMs, tokens) = MeasureEncoder(encoder, articles, rounds);
            var withIt = Measure("rules + perceptron + MiniLM encoder (Enricher:Encoder:Enabled)",
                new ArticleEnricher(null, encoder: encoder), articles, rounds);
            encoderFigures = FormattableString.Invariant(
                $" encoder_per_core={withIt:F0}/s encoder_cpu_ms_per_article={1000 / withIt:F2} encoder_ms_per_article={encoderMs:F2} encoder_tokens_mean={tokens:F0} encoder_load_s={loadSeconds:F1}");
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine($"peak working set {peak:F0} MB, managed heap {GC.GetTotalMemory(false) / (1024.0 * 1024):F0} MB");
        Console.WriteLine(FormattableString.Invariant(
            $"enrichment: articles={articles.Count * rounds} per_core={combined:F0}/s without_lingua_per_core={noLingua:F0}/s rules_only_per_core={rules:F0}/s cpu_ms_per_article={1000 / combined:F2}{encoderFigures} peak_working_set_mb={peak:F0}"));
        return Task.FromResult(0);
    }

    /// <summary>The encoder alone (title + lead, as the service embeds them): CPU ms per article and mean tokens.</summary>
    private static (double CpuMsPerArticle, double MeanTokens) MeasureEncoder(ArticleEncoder encoder, List<CleanedArticle> articles,
        int rounds)
    {
        foreach (var a in articles) encoder.Encode(a); // warm-up
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var tokens = new List<int>();
        var truncated = 0;
        for (var r = 0; r < rounds; r++)
            foreach (var a in articles)
            {
                var e = encoder.Encode(a);
                if (r == 0)
                {
                    tokens.Add(e.Tokens);
                    if (e.Truncated) truncated++;
                }
            }
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var n = articles.Count * rounds;
        tokens.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"MiniLM encoder alone: {1000 * cpuSeconds / n:F2} ms CPU per article ({1000 * elapsed / n:F2} ms wall), tokens mean {tokens.Average():F0} p50 {tokens[tokens.Count / 2]} p90 {tokens[tokens.Count * 9 / 10]} max {tokens[^1]}, {truncated} of {articles.Count} cut at {encoder.Options.MaxTokens}"));
        return (1000 * cpuSeconds / n, tokens.Average());
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
