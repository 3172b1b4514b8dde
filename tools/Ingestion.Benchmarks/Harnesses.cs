namespace Ingestion.Benchmarks;

/// <summary>Benchmarks that need more than a method call (local servers, PostgreSQL), run by name: <c>-- harness NAME</c>.</summary>
public static class Harnesses
{
    static readonly Dictionary<string, Func<string[], Task<int>>> All = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Harnesses register themselves here (one line each).</summary>
    public static void Register(string name, Func<string[], Task<int>> run) => All[name] = run;

    public static Task<int> RunAsync(string name, string[] args)
    {
        HarnessRegistry.RegisterAll();
        if (All.TryGetValue(name, out var run)) return run(args);
        Console.Error.WriteLine($"unknown harness '{name}'; known: {string.Join(", ", All.Keys.Order())}");
        return Task.FromResult(2);
    }
}
