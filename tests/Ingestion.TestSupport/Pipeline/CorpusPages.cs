using System.IO.Compression;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>One real page to feed the pipeline, under the file name it will have in the folder source.</summary>
public sealed record CorpusPage(string FileName, string SourcePath, int Copy);

/// <summary>
/// Real article pages from <c>../shared/corpus</c> (scrapinghub's, Readability's and the metadata set's HTML): every page
/// once, then, when more are asked for than there are, each again as a distinct document (another file name, and a
/// comment that changes its content hash) — a syndicated copy, as far as the pipeline can tell.
/// </summary>
public static class CorpusPages
{
    static readonly string[][] Sets =
    [
        ["extraction", "scrapinghub", "html"],
        ["extraction", "readability", "html"],
        ["metadata", "pages"],
    ];

    /// <summary>The corpus's page files, in a fixed order; empty when the corpus is absent.</summary>
    public static IReadOnlyList<string> All()
    {
        var files = new List<string>();
        foreach (var set in Sets)
            if (RepoPaths.Corpus(set) is { } dir && Directory.Exists(dir))
                files.AddRange(Directory.EnumerateFiles(dir, "*.html.gz").Order(StringComparer.Ordinal));
        return files;
    }

    /// <summary><paramref name="count"/> pages, spread over the sets (interleaved, so any prefix mixes them).</summary>
    public static IReadOnlyList<CorpusPage> Take(int count)
    {
        var all = Interleaved(All());
        if (all.Count == 0) return [];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var path = all[i % all.Count];
            var copy = i / all.Count;
            var name = Path.GetFileName(path)[..^".html.gz".Length];
            return new CorpusPage($"{i:D5}-{name}{(copy > 0 ? $"-copy{copy}" : "")}.html", path, copy);
        })];
    }

    /// <summary>Writes the page into <paramref name="folder"/> (through a temporary name, so a scan never reads half a file).</summary>
    public static async Task WriteAsync(CorpusPage page, string folder, CancellationToken ct = default)
    {
        await using var input = new GZipStream(File.OpenRead(page.SourcePath), CompressionMode.Decompress);
        var temp = Path.Combine(folder, "." + page.FileName + ".tmp");
        await using (var output = File.Create(temp))
        {
            await input.CopyToAsync(output, ct);
            if (page.Copy > 0)
                await output.WriteAsync(CopyMark(page), ct);
        }
        File.Move(temp, Path.Combine(folder, page.FileName));
    }

    /// <summary>The page's bytes as <see cref="WriteAsync"/> writes them: the corpus file's, then the copy's mark if any.</summary>
    public static byte[] Read(CorpusPage page) => WithCopyMark(page, Original(page));

    /// <summary>The corpus file's bytes, uncompressed (the same for every copy of the page).</summary>
    public static byte[] Original(CorpusPage page)
    {
        using var input = new GZipStream(File.OpenRead(page.SourcePath), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary><paramref name="original"/> (from <see cref="Original"/>) with the copy's mark appended when the page is a copy.</summary>
    public static byte[] WithCopyMark(CorpusPage page, byte[] original) => page.Copy > 0 ? [.. original, .. CopyMark(page)] : original;

    /// <summary>The comment that makes a copy another document (another content hash).</summary>
    static byte[] CopyMark(CorpusPage page) => System.Text.Encoding.UTF8.GetBytes($"\n<!-- copy {page.Copy} -->\n");

    static List<string> Interleaved(IReadOnlyList<string> files)
    {
        var bySet = files.GroupBy(f => Path.GetDirectoryName(f)).Select(g => new Queue<string>(g)).ToList();
        var result = new List<string>(files.Count);
        while (bySet.Any(q => q.Count > 0))
            foreach (var q in bySet.Where(q => q.Count > 0))
                result.Add(q.Dequeue());
        return result;
    }
}
