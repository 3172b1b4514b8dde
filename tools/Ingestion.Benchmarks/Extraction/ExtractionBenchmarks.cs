using BenchmarkDotNet.Attributes;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Benchmarks.Extraction;

/// <summary>
/// Article extraction over the 181 scrapinghub pages, one operation = one page (mean over all pages), with the
/// allocations per page. Run: <c>dotnet run -c Release --project tools/Ingestion.Benchmarks -- --filter
/// Ingestion.Benchmarks.Extraction.*</c>.
/// </summary>
[MemoryDiagnoser]
// In-process: a generated project would rebuild the solution, which takes longer than BenchmarkDotNet's build
// timeout on a busy two-core machine.
[InProcess]
[WarmupCount(2)]
[IterationCount(5)]
public class ExtractionBenchmarks
{
    private IReadOnlyList<ScrapinghubPages.Page> pages = [];
    private readonly ArticleExtractor extractor = new();

    /// <summary>Pages per benchmark invocation (the corpus has 181).</summary>
    public const int PagesPerInvoke = 181;

    [GlobalSetup]
    public void Setup() => pages = ScrapinghubPages.Load();

    [Benchmark(OperationsPerInvoke = PagesPerInvoke)]
    public int Cleaner()
    {
        var kept = 0;
        for (var i = 0; i < PagesPerInvoke && pages.Count > 0; i++)
        {
            var page = pages[i % pages.Count];
            var result = extractor.Extract(new PageInput(page.Body, "text/html", null, page.Url, null));
            kept += result.Stats.ParagraphsKept;
        }
        return kept;
    }
}
