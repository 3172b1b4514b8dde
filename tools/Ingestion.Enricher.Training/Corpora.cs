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

    /// <summary>
    /// The UNER spans.jsonl format: one sentence per line with "id", "tokens" and "tags". <c>Document</c> is the id
    /// without its sentence number ("answers-2008..._ans-0001" → "answers-2008..._ans"); <c>Line</c> is the line as read.
    /// </summary>
    public static List<SpansSentence> ReadSpansJsonl(string path)
    {
        var result = new List<SpansSentence>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.TryGetProperty("id", out var idProperty) ? idProperty.ToString() : "";
            var words = doc.RootElement.GetProperty("tokens").EnumerateArray().Select(t => t.GetString() ?? "").ToArray();
            var tags = doc.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString() ?? "O").ToArray();
            if (words.Length != tags.Length) throw new InvalidDataException($"{path}: tokens and tags differ in length");
            var dash = id.LastIndexOf('-');
            result.Add(new SpansSentence(dash > 0 ? id[..dash] : id, words, tags, line));
        }
        return result;
    }
}

/// <summary>A sentence of a spans.jsonl file: its document, tokens, BIO tags and the line it was read from.</summary>
public sealed record SpansSentence(string Document, string[] Words, string[] Tags, string Line);
