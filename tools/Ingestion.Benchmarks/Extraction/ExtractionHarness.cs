using System.Diagnostics;
using System.Globalization;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Benchmarks.Extraction;

/// <summary>
/// <c>harness extraction [--rounds N]</c>: extracts every scrapinghub page N times (default 5) after one warm-up
/// round and prints pages per CPU-second (Process.TotalProcessorTime around the extraction calls), allocated bytes
/// per page and the process's peak working set. Last line:
/// <c>extraction-speed: pages=N pages_per_cpu_s=S allocated_kb_per_page=A peak_working_set_mb=M</c>.
/// </summary>
public static class ExtractionHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var rounds = 5;
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--rounds" && int.TryParse(args[i + 1], out var r) && r > 0) rounds = r;
        var pages = ScrapinghubPages.Load();
        if (pages.Count == 0) return Task.FromResult(0);

        var extractor = new ArticleExtractor();
        void Round()
        {
            foreach (var p in pages) extractor.Extract(new PageInput(p.Body, "text/html", null, p.Url, null));
        }
        Round();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) Round();
        wall.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var perPage = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)(rounds * pages.Count);
        var n = rounds * pages.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rounds={rounds} cpu_s={cpuSeconds:F2} wall_s={wall.Elapsed.TotalSeconds:F2} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction-speed: pages={n} pages_per_cpu_s={n / cpuSeconds:F0} allocated_kb_per_page={perPage / 1024:F0} peak_working_set_mb={process.PeakWorkingSet64 / 1048576.0:F0}"));
        return Task.FromResult(0);
    }
}
