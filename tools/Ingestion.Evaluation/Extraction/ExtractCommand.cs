using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Evaluation.Extraction;

/// <summary>
/// <c>extract --input DIR --output FILE.json [--url-prefix URL]</c>: runs the cleaner over every <c>*.html</c> and
/// <c>*.html.gz</c> in DIR and writes <c>{"name": {"articleBody", "title", "authors", "published", "language", "section", "tags", ...}}</c>
/// (name = file name without .html / .html.gz; dates ISO 8601 in the offset the page states, so their first ten
/// characters are the page's own day), so the output can be scored against any benchmark. A page the cleaner
/// refuses gets an empty body and its reason in <c>rejected</c>. Last line: <c>extract: pages=N rejected=R output=FILE</c>.
/// </summary>
public static class ExtractCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        string? input = null, output = null, urlPrefix = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--input") input = args[++i];
            else if (args[i] == "--output") output = args[++i];
            else if (args[i] == "--url-prefix") urlPrefix = args[++i];
        }
        if (input is null || output is null) return Task.FromResult(Usage.Print());
        if (!Directory.Exists(input))
        {
            Console.Error.WriteLine($"input folder not found: {Path.GetFullPath(input)}");
            return Task.FromResult(1);
        }

        var files = Directory.EnumerateFiles(input)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var extractor = new ArticleExtractor();
        var rejected = 0;
        var failed = 0;
        var outputPath = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        using (var stream = File.Create(outputPath))
        using (var writer = new Utf8JsonWriter(stream,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var file in files)
            {
                var fileName = Path.GetFileName(file);
                var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^".html.gz".Length]
                    : fileName[..^".html".Length];
                var url = urlPrefix is null ? new Uri(Path.GetFullPath(file)).AbsoluteUri : urlPrefix.TrimEnd('/') + "/"
                    + Uri.EscapeDataString(name);
                ExtractionResult result;
                try
                {
                    result = extractor.Extract(new PageInput(CorpusFolder.ReadPage(file), "text/html", null, url, null));
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    Console.Error.WriteLine($"{fileName}: cannot read: {e.Message}");
                    failed++;
                    continue;
                }
                if (result.IsRejected) rejected++;
                Write(writer, name, result);
            }
            writer.WriteEndObject();
        }
        Console.WriteLine($"extract: pages={files.Count} rejected={rejected} unreadable={failed} output={outputPath}");
        return Task.FromResult(failed > 0 ? 1 : 0);
    }

    private static void Write(Utf8JsonWriter w, string name, ExtractionResult result)
    {
        var a = result.Page; // a refused page keeps its metadata, not its text
        w.WriteStartObject(name);
        w.WriteString("articleBody", result.Article?.BodyText ?? "");
        w.WriteString("title", a?.Title);
        w.WriteStartArray("authors");
        foreach (var author in a?.Authors ?? []) w.WriteStringValue(author);
        w.WriteEndArray();
        w.WriteString("published", a?.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteString("modified", a?.Modified?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteString("language", a?.Language);
        w.WriteString("siteName", a?.SiteName);
        w.WriteString("canonicalUrl", a?.CanonicalUrl);
        w.WriteString("description", a?.Description);
        w.WriteString("image", a?.ImageUrl);
        w.WriteString("section", a?.Section);
        w.WriteStartArray("tags");
        foreach (var tag in a?.Tags ?? []) w.WriteStringValue(tag);
        w.WriteEndArray();
        if (result.IsRejected)
        {
            w.WriteString("rejected", result.RejectReason);
            w.WriteString("rejectedDetail", result.RejectDetail);
        }
        w.WriteEndObject();
    }
}
