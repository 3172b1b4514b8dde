using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Ingestion.Cleaner.Domain;
using Ingestion.Enricher.Domain.Language;

namespace Ingestion.Benchmarks.EnricherThroughput;

/// <summary>
/// harness language: the cleaner extracts each page of ../shared/corpus/metadata; where the markup declares a language,
/// the enricher's <see cref="TextLanguage"/> (plainly English by function words, else Lingua) identifies the body
/// text's language and the primary subtags are compared. Reports accuracy, disagreements, time per page and memory.
/// Last line: "language: pages=N correct=C accuracy=A ms_per_page=T peak_working_set_mb=M".
/// </summary>
public static class LanguageHarness
{
    public static Task<int> RunAsync(string[] args)
    {
        var dir = FindMetadata();
        if (dir is null)
        {
            Console.WriteLine("SKIPPED: ../shared/corpus/metadata not found (the shared corpus is not beside this clone)");
            return Task.FromResult(0);
        }
        var extractor = new ArticleExtractor();
        var pages = new List<(string Id, string Declared, string Body)>();
        foreach (var line in File.ReadLines(Path.Combine(dir, "metadata.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line.Replace(": NaN", ": null", StringComparison.Ordinal)); // Python's json writes NaN
            var id = doc.RootElement.GetProperty("id").GetString() ?? "";
            var file = Path.Combine(dir, doc.RootElement.GetProperty("file").GetString() ?? "");
            var url = doc.RootElement.GetProperty("url").GetString() ?? "http://localhost/";
            if (!File.Exists(file)) continue;
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            var result = extractor.Extract(new PageInput(ms.ToArray(), "text/html", null, url, null));
            if (result.Article is not { Language: { Length: > 0 } declared } article || article.Paragraphs.Count == 0) continue;
            pages.Add((id, declared.Split('-', '_')[0].ToLowerInvariant(), article.BodyText));
        }

        var before = GC.GetTotalMemory(true);
        var identifier = TextLanguage.Default;
        var loading = Stopwatch.StartNew();
        foreach (var (_, _, body) in pages) identifier.Identify(body); // first pass loads the models the pages need
        Console.WriteLine($"first pass (loads models): {loading.Elapsed.TotalSeconds:F1} s");
        var clock = Stopwatch.StartNew();
        var correct = 0;
        var wrong = new List<string>();
        foreach (var (id, declared, body) in pages)
        {
            var found = identifier.Identify(body);
            if (found == declared || (declared == "nb" || declared == "no") && found is "nb" or "nn") correct++;
            else wrong.Add($"  {id}: declared {declared}, identified {found ?? "nothing"} ({body.Length} chars: {Preview(body)})");
        }
        var ms2 = clock.Elapsed.TotalMilliseconds / Math.Max(1, pages.Count);
        var heap = (GC.GetTotalMemory(true) - before) / (1024.0 * 1024);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.WriteLine("disagreements with the declared language:");
        foreach (var w in wrong) Console.WriteLine(w);
        var plain = pages.Count(p => LanguageGuesser.Default.IsPlainlyEnglish(p.Body));
        Console.WriteLine($"plainly English by function words (Lingua not asked): {plain} of {pages.Count} pages");
        Console.WriteLine($"Lingua (all spoken languages, low accuracy mode, {LinguaIdentifier.MaxChars} characters): managed heap +{heap:F0} MB after loading the models it used");
        Console.WriteLine(FormattableString.Invariant(
            $"language: pages={pages.Count} correct={correct} accuracy={correct / (double)Math.Max(1, pages.Count):F3} ms_per_page={ms2:F2} peak_working_set_mb={peak:F0}"));
        return Task.FromResult(0);
    }

    private static string Preview(string body) => body.Length > 60 ? body[..60].ReplaceLineEndings(" ") + "…"
        : body.ReplaceLineEndings(" ");

    private static string? FindMetadata() =>
        RepoPaths.Corpus("metadata", "metadata.jsonl") is { } file ? Path.GetDirectoryName(file) : null;
}
