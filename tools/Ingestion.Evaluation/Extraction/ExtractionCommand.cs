using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Evaluation.Extraction;

/// <summary>
/// <c>extraction DIR [--extractor ours|smartreader] [--dump OUT]</c>: runs the cleaner (or SmartReader, the baseline) over the scrapinghub
/// benchmark's pages (DIR/html/KEY.html.gz)
/// and scores the bodies against DIR/ground-truth.json with the benchmark's own metric (<see cref="ShingleMetric"/>).
/// Prints one line per page, worst first, then memory figures, and last
/// <c>extraction: pages=N precision=P recall=R f1=F pages_per_cpu_s=S</c>. Speed is the CPU time of three passes over
/// pages already in memory, measured with Process.TotalProcessorTime around the extraction calls only (it includes the
/// GC's and the JIT's threads), once the JIT is quiet: warm-up passes repeat until one spends under 2 % of its time
/// compiling (at most thirty). That is the steady state of a running cleaner; the JIT time left in the measured passes is
/// printed as <c>jit_s</c>. <c>--dump OUT</c> writes each page's body to OUT/KEY.txt for reading.
/// </summary>
public static class ExtractionCommand
{
    /// <summary>Passes over all pages before measuring: the JIT promotes hot methods after 30 calls and a delay that
    /// restarts whenever a new method is compiled, so promotions go on for several passes (on two cores about 2 s of
    /// background compiling after three passes).</summary>
    private const int MinWarmUpPasses = 3;

    private const int MaxWarmUpPasses = 30;

    /// <summary>A warm-up pass that spends less than this share of its wall time compiling ends the warm-up.</summary>
    private const double QuietJitShare = 0.02;

    private const int MeasuredPasses = 3;

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return Task.FromResult(Usage.Print());
        var dir = CorpusFolder.Find(args[0]);
        var truthFile = dir is null ? null : Path.Combine(dir, "ground-truth.json");
        if (truthFile is null
            || !File.Exists(truthFile)) return Task.FromResult(Usage.Missing("the scrapinghub extraction benchmark (ground-truth.json)",
            args[0]));
        var dump = Option(args, "--dump");
        if (dump is not null) Directory.CreateDirectory(dump);

        using var json = JsonDocument.Parse(File.ReadAllBytes(truthFile));
        var pages = new List<(string Key, string Url, string Truth, byte[] Body)>();
        var missing = 0;
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var file = Path.Combine(dir!, "html", entry.Name + ".html.gz");
            if (!File.Exists(file))
            {
                Console.WriteLine($"missing page {entry.Name}: counted with an empty prediction");
                missing++;
            }
            var body = File.Exists(file) ? CorpusFolder.ReadPage(file) : [];
            pages.Add((entry.Name, entry.Value.GetProperty("url").GetString() ?? "", entry.Value.GetProperty("articleBody").GetString()
                ?? "", body));
        }

        var extractor = BodyExtractors.Named(Option(args, "--extractor") ?? "ours");
        if (extractor is null) return Task.FromResult(Usage.Print());
        var results = new PageOutcome[pages.Count];
        var warmUpPasses = 0;
        while (warmUpPasses < MaxWarmUpPasses)
        {
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var passWall = Stopwatch.StartNew();
            for (var i = 0; i < pages.Count; i++) results[i] = extractor.Extract(pages[i].Body, pages[i].Url);
            warmUpPasses++;
            var jitShare = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore) / passWall.Elapsed;
            if (warmUpPasses >= MinWarmUpPasses && jitShare < QuietJitShare) break;
        }

        // Measured passes: CPU time and allocations of the extraction calls alone, in the steady state a running
        // cleaner is in (tiered compilation has promoted the hot methods by then).
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var gen0Before = GC.CollectionCount(0);
        var pauseBefore = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        for (var pass = 0; pass < MeasuredPasses; pass++)
            for (var i = 0; i < pages.Count; i++) results[i] = extractor.Extract(pages[i].Body, pages[i].Url);
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var jit = (System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalSeconds;
        var gcs = GC.CollectionCount(0) - gen0Before;
        var gcPause = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = process.PeakWorkingSet64;

        var scores = new List<(string Key, PageScore Score, PageOutcome Result)>();
        for (var i = 0; i < pages.Count; i++)
        {
            var prediction = results[i].Body ?? "";
            scores.Add((pages[i].Key, ShingleMetric.Score(pages[i].Truth, prediction), results[i]));
            if (dump is not null) File.WriteAllText(Path.Combine(dump, pages[i].Key + ".txt"), prediction);
        }

        foreach (var (key, s, r) in scores.OrderBy(x => x.Score.F1))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page {key} precision={s.Precision:F3} recall={s.Recall:F3} f1={s.F1:F3} {r.Note} ms={r.Milliseconds:F1}"));
        }
        var rejected = scores.Count(s => s.Result.Body is null);
        var (precision, recall, f1) = ShingleMetric.Summarise(scores.Select(s => s.Score).ToList());
        var extractions = pages.Count * MeasuredPasses;
        var pagesPerCpu = cpu > 0 ? extractions / cpu : double.PositiveInfinity;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rejected={rejected} missing={missing} warm_up_passes={warmUpPasses} cpu_s={cpu:F3} jit_s={jit:F3} gcs={gcs} gc_pause_s={gcPause:F3} wall_s={wall.Elapsed.TotalSeconds:F3} allocated_mb_per_page={allocated / 1048576.0 / Math.Max(1, extractions):F2} peak_working_set_mb={peak / 1048576.0:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(extractor.Name == "ours" ? "" : extractor.Name + " ")}extraction: pages={pages.Count} precision={precision:F4} recall={recall:F4} f1={f1:F4} pages_per_cpu_s={pagesPerCpu:F0}"));
        return Task.FromResult(0);
    }

    private static string? Option(string[] args, string name)
    {
        for (var i = 1; i < args.Length - 1; i++)
            if (args[i] == name) return args[i + 1];
        return null;
    }
}
