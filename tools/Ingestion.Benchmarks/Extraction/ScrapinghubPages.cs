using System.IO.Compression;
using System.Text.Json;

namespace Ingestion.Benchmarks.Extraction;

/// <summary>
/// The scrapinghub benchmark's pages (../shared/corpus/extraction/scrapinghub beside the repository), inflated into
/// memory once. Where the corpus is absent the list is empty and <see cref="Missing"/> says where it was looked for.
/// </summary>
public static class ScrapinghubPages
{
    public sealed record Page(string Key, string Url, byte[] Body);

    public static string? Missing { get; private set; }

    public static IReadOnlyList<Page> Load()
    {
        var root = RepoPaths.Root;
        var dir = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "extraction", "scrapinghub"));
        var truth = dir is null ? null : Path.Combine(dir, "ground-truth.json");
        if (truth is null || !File.Exists(truth))
        {
            Missing = dir ?? "(no Ingestion.sln above " + AppContext.BaseDirectory + ")";
            Console.WriteLine($"SKIPPED: scrapinghub pages not found at {Missing} (the shared corpus is not beside this clone)");
            return [];
        }
        using var json = JsonDocument.Parse(File.ReadAllBytes(truth));
        var pages = new List<Page>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var file = Path.Combine(dir!, "html", entry.Name + ".html.gz");
            if (!File.Exists(file)) continue;
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var ms = new MemoryStream();
            gz.CopyTo(ms);
            pages.Add(new Page(entry.Name, entry.Value.GetProperty("url").GetString() ?? "", ms.ToArray()));
        }
        return pages;
    }

}
