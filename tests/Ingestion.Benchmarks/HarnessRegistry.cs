namespace Ingestion.Benchmarks;

/// <summary>The list of harnesses: add one line per harness.</summary>
internal static class HarnessRegistry
{
    public static void RegisterAll()
    {
    }
}
