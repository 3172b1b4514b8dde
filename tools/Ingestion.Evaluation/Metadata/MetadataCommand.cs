using System.Globalization;
using System.Text.Json;
using Ingestion.Cleaner.Domain;
using Ingestion.Evaluation.Extraction;

namespace Ingestion.Evaluation.Metadata;

/// <summary>
/// <c>metadata DIR [--verbose]</c>: runs the cleaner over DIR/metadata.jsonl's pages and compares title, authors and
/// published day with the annotations. A field counts only on pages whose annotation has it; title is right when
/// equal after whitespace and case folding, authors when equal as a set of names (the annotation split at ';' and
/// ','), date when the published day (in the offset the page states) equals the annotated day (for annotations with
/// a time and zone, their day in that zone). Prints results per source (the part of <c>source</c> before ':'), the misses with --verbose,
/// and last
/// <c>metadata: pages=N title=T author=A date=D</c> (shares over all sources). A page the cleaner rejects counts as
/// wrong on every field (the pipeline gets no metadata for it); the per-source lines also give the date share over the
/// pages it accepted.
/// </summary>
public static partial class MetadataCommand
{
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[:\[,]\s*)(?:NaN|-?Infinity)(?=\s*[,}\]])")]
    private static partial System.Text.RegularExpressions.Regex PythonNaN();

    public static Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return Task.FromResult(Usage.Print());
        var dir = CorpusFolder.Find(args[0]);
        var index = dir is null ? null : Path.Combine(dir, "metadata.jsonl");
        if (index is null || !File.Exists(index)) return Task.FromResult(Usage.Missing("the metadata corpus (metadata.jsonl)", args[0]));
        var verbose = args.Contains("--verbose");

        var extractor = new ArticleExtractor();
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var all = new Tally();
        var pages = 0;
        foreach (var line in File.ReadLines(index))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            // The file is written by Python, which spells a missing float as a bare NaN: read it as null.
            using var row = JsonDocument.Parse(PythonNaN().Replace(line, "null"));
            var r = row.RootElement;
            var id = Str(r, "id") ?? "?";
            var source = (Str(r, "source") ?? "unknown").Split(':')[0];
            var file = Path.Combine(dir!, Str(r, "file") ?? "");
            pages++;
            var tally = tallies.TryGetValue(source, out var t) ? t : tallies[source] = new Tally();
            tally.Pages++;
            all.Pages++;
            ExtractedArticle? article = null;
            string? rejected = null;
            if (File.Exists(file))
            {
                var result = extractor.Extract(new PageInput(CorpusFolder.ReadPage(file), "text/html", null, Str(r, "url") ?? "", null));
                article = result.Page; // a refused page's metadata counts too
                if (result.IsRejected) rejected = result.RejectReason;
            }
            else rejected = "missing file";

            if (Str(r, "title") is { } title)
            {
                var ok = Fold(title) == Fold(article?.Title);
                Count(tally, all, "title", ok);
                if (!ok && verbose) Console.WriteLine($"  miss {id} {source} title: expected \"{title}\" got \"{article?.Title}\"{Why(rejected)}");
            }
            if (Str(r, "author") is { } author)
            {
                var expected = Names(author.Split([';', ','], StringSplitOptions.RemoveEmptyEntries));
                var got = Names(article?.Authors ?? []);
                var ok = expected.SetEquals(got);
                Count(tally, all, "author", ok);
                if (!ok && verbose) Console.WriteLine($"  miss {id} {source} author: expected [{author}] got [{string.Join("; ", article?.Authors ?? [])}]{Why(rejected)}");
            }
            if (Str(r, "date") is { } date && ExpectedDay(date) is { } day)
            {
                var got = article?.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : (DateOnly?)null;
                var ok = got == day;
                Count(tally, all, "date", ok);
                if (rejected is null) tally.Add("date_of_accepted", ok);
                if (!ok && verbose) Console.WriteLine($"  miss {id} {source} date: expected {day:yyyy-MM-dd} got {article?.Published?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "none"}{Why(rejected)}");
            }
        }

        foreach (var (source, t) in tallies)
            Console.WriteLine($"{source}: pages={t.Pages} {t.Format("title")} {t.Format("author")} {t.Format("date")} ({t.Format("date_of_accepted")} on pages not rejected)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"metadata: pages={pages} title={all.Share("title"):F3} author={all.Share("author"):F3} date={all.Share("date"):F3}"));
        return Task.FromResult(0);
    }

    private static string Why(string? rejected) => rejected is null ? "" : $" (rejected: {rejected})";

    private static void Count(Tally one, Tally all, string field, bool ok)
    {
        one.Add(field, ok);
        all.Add(field, ok);
    }

    private static string? Str(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    internal static string Fold(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static HashSet<string> Names(IEnumerable<string> names) =>
        names.Select(Fold).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>The annotated day, as written (a timestamp's day in its own zone).</summary>
    internal static DateOnly? ExpectedDay(string value)
    {
        return value.Length >= 10
            && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : null;
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Right, int Total)> fields = new(StringComparer.Ordinal);
        public int Pages { get; set; }

        public void Add(string field, bool ok)
        {
            var (right, total) = fields.GetValueOrDefault(field);
            fields[field] = (right + (ok ? 1 : 0), total + 1);
        }

        public double Share(string field) => fields.TryGetValue(field, out var f) && f.Total > 0 ? (double)f.Right / f.Total : 0;

        public string Format(string field) =>
            fields.TryGetValue(field, out var f)
                ? string.Create(CultureInfo.InvariantCulture, $"{field}={f.Right}/{f.Total} ({Share(field):F3})") : $"{field}=n/a";
    }
}
