namespace Ingestion.Benchmarks;

/// <summary>The repository root (the folder holding Ingestion.sln) and the shared corpus beside it, found by path.</summary>
internal static class RepoPaths
{
    /// <summary>The root above the binary (or the working directory), or null when there is none.</summary>
    public static string? Root { get; } = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Environment.CurrentDirectory);

    /// <summary>A path under ../shared/corpus, or null when the corpus (or that file) is not there.</summary>
    public static string? Corpus(params string[] parts)
    {
        if (Root is null) return null;
        var path = Path.GetFullPath(Path.Combine([Root, "..", "shared", "corpus", .. parts]));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    static string? FindRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Ingestion.sln"))) return d.FullName;
        return null;
    }
}
