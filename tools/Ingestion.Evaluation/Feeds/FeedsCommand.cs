namespace Ingestion.Evaluation.Feeds;

/// <summary>
/// <c>feeds DIR</c>: runs the fetcher's parser over feedparser's and gofeed's test suites and the real feeds and
/// sitemaps under DIR (../shared/corpus/feeds), prints results per suite and category, the failures, and as its last
/// line <c>feeds: cases=N passed=P failed=F crashed=C</c> over the cases that count.
/// </summary>
public static class FeedsCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var dir = args.FirstOrDefault() ?? "../shared/corpus/feeds";
        var verbose = args.Contains("--verbose");
        TextCompare.LiteralAlternative = !args.Contains("--strict-text");
        FeedparserSuite.AllReasons = GofeedSuite.AllReasons = args.Contains("--all-reasons");
        if (!Directory.Exists(dir)) return Task.FromResult(Usage.Missing("feeds corpus", dir));

        var results = new List<CaseResult>();
        foreach (var (suite, run) in new (string, Func<string, IEnumerable<CaseResult>>)[]
                 { ("feedparser", FeedparserSuite.Run), ("gofeed", GofeedSuite.Run), ("real", RealSuite.Run) })
        {
            var path = Path.Combine(dir, suite);
            if (!Directory.Exists(path))
            {
                Usage.Missing($"feeds suite '{suite}'", path);
                continue;
            }
            results.AddRange(run(path));
        }

        Console.WriteLine($"{"suite",-11} {"category",-28} {"cases",6} {"passed",7} {"failed",7} {"crashed",8}  counted");
        foreach (var g in results.GroupBy(r => (r.Suite, r.Category)).OrderBy(g => g.Key.Suite).ThenBy(g => g.Key.Category))
        {
            Console.WriteLine($"{g.Key.Suite,-11} {g.Key.Category,-28} {g.Count(),6} {g.Count(r => r.Outcome == Outcome.Passed),7} " +
                              $"{g.Count(r => r.Outcome == Outcome.Failed),7} {g.Count(r => r.Outcome == Outcome.Crashed),8}  {(g.First().Counted ? "yes" : "no (reported only)")}");
        }
        foreach (var s in results.Where(r => r.Counted).GroupBy(r => r.Suite))
        {
            var passed = s.Count(r => r.Outcome == Outcome.Passed);
            Console.WriteLine($"suite {s.Key}: counted={s.Count()} passed={passed} ({100.0 * passed / s.Count():F1}%)");
        }

        Console.WriteLine();
        Console.WriteLine("failures (counted cases" + (verbose ? "" : ", first 40 per suite; --verbose for all") + "):");
        foreach (var s in results.Where(r => r.Counted && r.Outcome != Outcome.Passed).GroupBy(r => r.Suite))
        {
            foreach (var r in verbose ? s
                : s.Take(40)) Console.WriteLine($"  {r.Outcome.ToString().ToUpperInvariant()} {r.Suite}/{r.Name}: {r.Reason}");
        }

        var counted = results.Where(r => r.Counted).ToList();
        var p = counted.Count(r => r.Outcome == Outcome.Passed);
        var f = counted.Count(r => r.Outcome == Outcome.Failed);
        var c = counted.Count(r => r.Outcome == Outcome.Crashed);
        if (counted.Count > 0) Console.WriteLine($"counted pass rate: {100.0 * p / counted.Count:F1}%");
        Console.WriteLine($"feeds: cases={counted.Count} passed={p} failed={f} crashed={c}");
        return Task.FromResult(c > 0 ? 1 : 0);
    }
}
