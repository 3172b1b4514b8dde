namespace Ingestion.TestSupport;

/// <summary>
/// Where things are, found by walking up from the binary (or else the working directory) to the folder holding
/// Ingestion.sln; the shared corpus is ../shared/corpus beside it.
/// </summary>
public static class RepoPaths
{
    static readonly string? Found = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Environment.CurrentDirectory);

    public static string Root => Found
        ?? throw new InvalidOperationException("Could not find the repository root (Ingestion.sln) above " + AppContext.BaseDirectory);

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Deploy => Path.Combine(Root, "deploy", "local");

    /// <summary>A file or folder of ../shared/corpus beside the repository; null when it is absent (a user's clone).</summary>
    public static string? Corpus(params string[] parts)
    {
        if (Found is null) return null;
        var path = Path.GetFullPath(Path.Combine([Found, "..", "shared", "corpus", .. parts]));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>Debug or Release: the configuration the running assembly was built in (the services were built beside it).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>services/S/Ingestion.S/bin/CONFIGURATION/net10.0/Ingestion.S.dll (e.g. <c>ServiceDll("Indexer")</c>).</summary>
    public static string ServiceDll(string service, string? configuration = null) =>
        Path.Combine(Root, "services", service, $"Ingestion.{service}", "bin", configuration
            ?? Configuration, "net10.0", $"Ingestion.{service}.dll");

    static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")))
                return dir.FullName;
        return null;
    }
}
