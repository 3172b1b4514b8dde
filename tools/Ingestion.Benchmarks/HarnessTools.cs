namespace Ingestion.Benchmarks;

/// <summary>What several harnesses need: a number from the command line (servers, ports and scripts: Ingestion.TestSupport).</summary>
internal static class HarnessTools
{
    /// <summary>The number after <paramref name="name"/> on the command line, else <paramref name="fallback"/>.</summary>
    public static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
