namespace Ingestion.Cleaner.Tests;

/// <summary>Finds files of the repository from the test binary, wherever the build put it.</summary>
internal static class TestFiles
{
    /// <summary>The repository root: the nearest folder above the test binary that holds Ingestion.sln (or, failing that, a seeds
    /// folder).</summary>
    public static string RepoRoot { get; } = FindRoot();

    public static string Seed(string name) => Path.Combine(RepoRoot, "seeds", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")) || File.Exists(Path.Combine(dir.FullName, "Ingestion.slnx")))
                return dir.FullName;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && Directory.Exists(Path.Combine(dir.FullName, "services")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (Ingestion.sln) not found above " + AppContext.BaseDirectory);
    }
}
