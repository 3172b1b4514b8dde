namespace Ingestion.Benchmarks.Feeds;

/// <summary>The real feeds and sitemaps of ../shared/corpus/feeds/real (beside the repository), read into memory once.
/// Where the corpus is absent the list is empty and a SKIPPED line says where it was looked for.</summary>
public static class RealFeeds
{
    public sealed record Feed(string Name, byte[] Body);

    public static IReadOnlyList<Feed> Load()
    {
        var root = RepoPaths.Root;
        var dir = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "feeds", "real"));
        if (dir is null || !Directory.Exists(Path.Combine(dir, "feeds")))
        {
            Console.WriteLine($"SKIPPED: real feeds not found at {dir ?? "(no Ingestion.sln above " + AppContext.BaseDirectory + ")"} (the shared corpus is not beside this clone)");
            return [];
        }
        return Directory.GetFiles(Path.Combine(dir, "feeds")).Order(StringComparer.Ordinal)
            .Select(f => new Feed(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
    }

}
