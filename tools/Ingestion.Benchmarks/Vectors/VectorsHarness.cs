using System.Diagnostics;
using Ingestion.Benchmarks.Search;
using Ingestion.Contracts;
using Ingestion.Indexer.Vectors;
using Npgsql;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Vectors;

/// <summary>
/// <c>dotnet run -c Release --project tools/Ingestion.Benchmarks -- harness vectors [--articles 2000] [--rounds 150]</c>:
/// the indexer's own text-vector building (<see cref="TextVectors"/>) alone, on one thread: CPU microseconds and bytes
/// allocated per article, for the search harness's generated articles, once every word is known (the first rounds ask
/// a throwaway PostgreSQL for the answers; the last third of the rounds is measured).
/// </summary>
public static class VectorsHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (count, rounds) = (Arg(args, "--articles", 2_000), Arg(args, "--rounds", 150));
        var groundTruth = CorpusArticles.FindGroundTruth();
        if (groundTruth is null)
        {
            Console.WriteLine("SKIPPED: vectors harness: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found beside the "
                + "repository.");
            return 0;
        }
        var corpus = CorpusArticles.Load(groundTruth);
        var docs = Enumerable.Range(0, count).Select(corpus.Article).Select(a => new TextVectors.Texts(
            Indexer.Domain.IndexTerms.TextSearchConfig.For(a.Enrichment.Language), a.Article.Title, a.Article.Description
                ?? a.Enrichment.Summary,
            ArticleBody.Of(a.Article.Paragraphs))).ToArray();

        await using var pg = await ThrowawayPostgres.StartAsync(Path.Combine(Path.GetTempPath(), "ingestion-vectors-bench-"
            + Guid.NewGuid().ToString("N")[..8]), log: Console.Out);
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={pg.Port};Username=postgres;Database=ingestion");
        await using var conn = await dataSource.OpenConnectionAsync();
        var vectors = new TextVectors();
        var (cpuPerArticle, allocPerArticle) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var (cpu, alloc) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetAllocatedBytesForCurrentThread());
            for (var i = 0; i < docs.Length; i += 500) await vectors.BuildAsync(conn, null, docs[i..Math.Min(i + 500, docs.Length)],
                CancellationToken.None);
            if (round < rounds * 2 / 3) continue;
            cpuPerArticle.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / docs.Length);
            allocPerArticle.Add((GC.GetAllocatedBytesForCurrentThread() - alloc) / 1024.0 / docs.Length);
        }
        cpuPerArticle.Sort();
        var (built, left, remembered) = vectors.Counts;
        Console.WriteLine($"text vectors: {docs.Length:N0} articles (average body {docs.Average(d => d.Body.Length):N0} characters), {rounds} rounds, the last {cpuPerArticle.Count} measured");
        Console.WriteLine($"  CPU per article : min {cpuPerArticle[0],6:N1} µs, median {cpuPerArticle[cpuPerArticle.Count / 2],6:N1} µs, p90 {cpuPerArticle[cpuPerArticle.Count * 9 / 10],6:N1} µs");
        Console.WriteLine($"  allocated       : {allocPerArticle.Average():N1} KB per article");
        Console.WriteLine($"  articles        : {built:N0} vectorised here, {left:N0} left to PostgreSQL; {remembered:N0} answers remembered");
        return 0;
    }
}
