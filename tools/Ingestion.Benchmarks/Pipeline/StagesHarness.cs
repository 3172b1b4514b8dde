using System.Diagnostics;
using System.Globalization;
using Ingestion.Cleaner.Domain;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.TestSupport.Pipeline;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>
/// <c>harness stages</c>: the cleaner's and the enricher's domain work over every corpus page once (scrapinghub's,
/// Readability's and the metadata set's HTML, <see cref="CorpusPages"/>), in this process on one thread. The pages are
/// split in two halves (alternate pages): the cold figure is the first pass over half A, with the JIT cold; the warm figure
/// is the pass over half B, pages this process has never seen, with the JIT warm, so that no cache that helps only a page
/// seen before makes a figure. Each line gives pages per CPU-second of the whole process (GC threads included) and of the
/// working thread, and the bytes allocated per page; then the warm figure per corpus set. Last line:
/// <c>stages: extract_cold=... extract_warm=... enrich_cold=... enrich_warm=...</c> (per CPU-second of the process).
/// </summary>
public static class StagesHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var files = CorpusPages.All();
        if (files.Count == 0)
        {
            Console.WriteLine("SKIPPED: no pages in ../shared/corpus beside the repository.");
            return Task.FromResult(0);
        }
        var pages = files.Select(f => new Page(SetOf(f), f, CorpusPages.Original(new CorpusPage(Path.GetFileName(f), f, 0)))).ToList();
        var halfA = pages.Where((_, i) => i % 2 == 0).ToList();
        var halfB = pages.Where((_, i) => i % 2 == 1).ToList();
        Console.WriteLine($"[stages harness] {pages.Count} corpus pages ({string.Join(", ", pages.GroupBy(p => p.Set).Select(g => $"{g.Key} {g.Count()}"))}); "
            + $"cold: half A ({halfA.Count} pages), JIT cold; warm: half B ({halfB.Count} pages, never seen before), JIT warm; "
            + $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} cores");

        var extractor = new ArticleExtractor();
        var enricher = new ArticleEnricher(null, encoder: null);
        var extractCold = Measure("extract", halfA, p => Extract(extractor, p));
        var extractWarm = Measure("extract", halfB, p => Extract(extractor, p));
        var articlesA = halfA.Select(p => Extract(extractor, p)).OfType<CleanedArticle>().ToList();
        var articlesB = halfB.Select(p => (p.Set, Article: Extract(extractor, p))).Where(a => a.Article is not null).ToList();
        var enrichCold = Measure("enrich", articlesA, a => Enrich(enricher, a));
        var enrichWarm = Measure("enrich", articlesB.Select(a => a.Article!).ToList(), a => Enrich(enricher, a));

        foreach (var line in new[] { extractCold.Line("cold"), extractWarm.Line("warm"), enrichCold.Line("cold"), enrichWarm.Line("warm") })
            Console.WriteLine(line);
        // As a service runs them: several pages at once (RabbitMq:PrefetchCount, 16 by default), so that each page's DOM
        // outlives more collections. The pages have been seen once before here.
        var concurrency = HarnessTools.Arg(args, "--concurrency", 16);
        Console.WriteLine(MeasureConcurrent("extract", pages, concurrency, p => Extract(extractor, p)).Line($"warm, {concurrency} at once (all pages, seen before)"));
        foreach (var set in halfB.GroupBy(p => p.Set))
            Console.WriteLine(Measure("extract", set.ToList(), p => Extract(extractor, p)).Line($"warm, {set.Key} only (seen once before)"));
        Console.WriteLine(FormattableString.Invariant(
            $"stages: pages={pages.Count} extract_cold={extractCold.PerProcessCpuSecond:F0} extract_warm={extractWarm.PerProcessCpuSecond:F0} ")
            + FormattableString.Invariant($"enrich_cold={enrichCold.PerProcessCpuSecond:F0} enrich_warm={enrichWarm.PerProcessCpuSecond:F0} ")
            + FormattableString.Invariant($"extract_kb_per_page={extractWarm.AllocatedKbPerInput:F0} enrich_kb_per_article={enrichWarm.AllocatedKbPerInput:F0} (per CPU-second of the process)"));
        return Task.FromResult(0);
    }

    sealed record Page(string Set, string Path, byte[] Body);

    static CleanedArticle? Extract(ArticleExtractor extractor, Page page)
    {
        var url = new Uri(page.Path).AbsoluteUri;
        var result = extractor.Extract(new PageInput(page.Body, "text/html", null, url, null));
        return result.Article?.ToCleanedArticle(System.IO.Path.GetFileName(page.Path), 1, url,
            new SourceRef("folder", page.Set, System.IO.Path.GetDirectoryName(page.Path)!), DateTimeOffset.UnixEpoch);
    }

    static object Enrich(ArticleEnricher enricher, CleanedArticle article)
    {
        var details = enricher.Analyze(article);
        return MinHash.Compute(details.Body);
    }

    static string SetOf(string path) => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(path)) ?? "") switch
    {
        "scrapinghub" => "scrapinghub",
        "readability" => "readability",
        _ => "metadata",
    };

    static StagePass Measure<T>(string stage, IReadOnlyList<T> inputs, Func<T, object?> work)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var processCpu = process.TotalProcessorTime;
        var threadCpu = ThreadCpu.Now();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var wall = Stopwatch.StartNew();
        foreach (var input in inputs) GC.KeepAlive(work(input));
        wall.Stop();
        var thread = ThreadCpu.Now() - threadCpu;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        return new StagePass(stage, inputs.Count, process.TotalProcessorTime - processCpu, thread, wall.Elapsed, bytes);
    }

    static StagePass MeasureConcurrent<T>(string stage, IReadOnlyList<T> inputs, int concurrency, Func<T, object?> work)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var processCpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var wall = Stopwatch.StartNew();
        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, input => GC.KeepAlive(work(input)));
        wall.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var cpu = process.TotalProcessorTime - processCpu;
        return new StagePass(stage, inputs.Count, cpu, cpu, wall.Elapsed, bytes);
    }

    sealed record StagePass(string Stage, int Inputs, TimeSpan ProcessCpu, TimeSpan ThreadCpu, TimeSpan Wall, long Allocated)
    {
        public double PerProcessCpuSecond => Inputs / Math.Max(1e-9, ProcessCpu.TotalSeconds);
        public double AllocatedKbPerInput => Allocated / 1024.0 / Math.Max(1, Inputs);

        public string Line(string pass) => FormattableString.Invariant(
            $"{Stage} {pass}: {Inputs} inputs, {PerProcessCpuSecond:F0}/CPU-s of the process ({ProcessCpu.TotalMilliseconds / Math.Max(1, Inputs):F2} ms each), ")
            + FormattableString.Invariant($"{Inputs / Math.Max(1e-9, ThreadCpu.TotalSeconds):F0}/CPU-s of the thread, {AllocatedKbPerInput:F0} KB allocated each, wall {Wall.TotalSeconds:F1} s");
    }
}
