namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>Where things are, found from the test binary by walking up to the folder holding Ingestion.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Deploy => Path.Combine(Root, "deploy", "local");

    /// <summary>A file of ../shared/corpus beside the repository; null when it is absent (a user's clone).</summary>
    public static string? Corpus(params string[] parts)
    {
        var path = Path.Combine([Root, "..", "shared", "corpus", .. parts]);
        return File.Exists(path) ? Path.GetFullPath(path) : null;
    }

    /// <summary>Debug or Release: the configuration this test assembly was built in (the services were built beside it).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string ServiceDll(string service) =>
        Path.Combine(Root, "services", service, $"Ingestion.{service}", "bin", Configuration, "net10.0", $"Ingestion.{service}.dll");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Could not find the repository root (Ingestion.sln) above " + AppContext.BaseDirectory);
    }
}
