using System.Reflection;

namespace Ingestion.Enricher.Domain.Resources;

/// <summary>Reads the hand-written word lists embedded in this assembly (Resources/*.txt).</summary>
internal static class EmbeddedText
{
    private static readonly Assembly Assembly = typeof(EmbeddedText).Assembly;

    /// <summary>The non-empty, non-comment lines of a resource, trimmed. Lines starting with '#' are comments.</summary>
    public static IEnumerable<string> Lines(string fileName)
    {
        var name = "Ingestion.Enricher.Domain.Resources." + fileName;
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var t = line.Trim();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            lines.Add(t);
        }
        return lines;
    }

    /// <summary>Lines grouped by "[section]" headers. Lines before any header go to section "".</summary>
    public static IReadOnlyDictionary<string, List<string>> Sections(string fileName)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var current = "";
        foreach (var line in Lines(fileName))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = line[1..^1];
                continue;
            }
            if (!result.TryGetValue(current, out var list)) result[current] = list = [];
            list.Add(line);
        }
        return result;
    }

    /// <summary>All whitespace-separated words of the given lines.</summary>
    public static IEnumerable<string> Words(IEnumerable<string> lines) =>
        lines.SelectMany(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
