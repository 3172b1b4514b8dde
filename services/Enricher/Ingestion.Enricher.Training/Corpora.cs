using System.Text.Json;

namespace Ingestion.Tools.NerTraining;

/// <summary>Reads the training corpora of ../shared/corpus/ner into (tokens, tags) sentences.</summary>
public static class Corpora
{
    /// <summary>CoNLL columns: the first is the token, the last the tag; blank lines end sentences; -DOCSTART- is skipped.</summary>
    public static List<(string[] Words, string[] Tags)> ReadConll(string path)
    {
        var result = new List<(string[], string[])>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#')) continue;
            var cols = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 2 || cols[0] == "-DOCSTART-")
            {
                Flush();
                continue;
            }
            words.Add(cols[0]);
            tags.Add(cols[^1]);
        }
        Flush();
        return result;

        void Flush()
        {
            if (words.Count > 0) result.Add((words.ToArray(), tags.ToArray()));
            words.Clear();
            tags.Clear();
        }
    }

    /// <summary>The UNER spans.jsonl format: one sentence per line with "tokens" and "tags".</summary>
    public static List<(string[] Words, string[] Tags)> ReadSpansJsonl(string path)
    {
        var result = new List<(string[], string[])>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var words = doc.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetString() ?? "").ToArray();
            var tags = doc.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString() ?? "O").ToArray();
            if (words.Length != tags.Length) throw new InvalidDataException($"{path}: tokens and tags differ in length");
            result.Add((words, tags));
        }
        return result;
    }
}
