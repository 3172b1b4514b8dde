using System.Text.Json;
using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Entities.Model;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Evaluation.Ner;

/// <summary>
/// ner FILE.spans.jsonl [--output PRED.jsonl] [--recognizer combined|model|rules] [--model MODEL.bin.gz]: runs the
/// enricher's recogniser (with the shipped model, or one the training command wrote) over each sentence's text and scores by exact
/// character span and type, micro-averaged over PER, ORG, LOC.
/// Prints per-type results and, last, "ner: sentences=N precision=P recall=R f1=F".
/// </summary>
public static class NerCommand
{
    private static readonly string[] Types = ["PER", "ORG", "LOC"];

    public static async Task<int> RunAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null) return Usage.Print();
        var output = Option(args, "--output");
        var which = Option(args, "--recognizer") ?? "combined";
        if (!File.Exists(file)) return Usage.Missing("NER file", file);

        var modelFile = Option(args, "--model");
        if (modelFile is not null && !File.Exists(modelFile)) return Usage.Missing("model file", modelFile);
        var model = modelFile is null ? PerceptronRecognizer.Default : LoadModel(modelFile);
        IEntityRecognizer recognizer = which switch
        {
            "rules" => new EntityRecognizer(),
            "model" => model,
            "combined" => new CombinedRecognizer(new EntityRecognizer(Gazetteer.Default), model, Gazetteer.Default),
            _ => throw new ArgumentException($"unknown recognizer '{which}' (combined, model or rules)"),
        };

        var counts = Types.ToDictionary(t => t, _ => new int[3]); // tp, fp, fn
        var sentences = 0;
        var errors = new List<string>();
        await using var writer = output is null ? null : new StreamWriter(output);
        var lineNo = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Sentence s;
            try
            {
                s = Sentence.Parse(line);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                Console.Error.WriteLine($"{file}:{lineNo}: skipped, not a spans.jsonl sentence ({e.Message})");
                continue;
            }
            sentences++;
            var found = recognizer.Recognize(new AnalyzedText(s.Text)).Entities
                .Where(e => Types.Contains(e.Type))
                .Select(e => (e.Start, e.End, Label: e.Type))
                .ToList();
            var gold = s.Spans.Where(g => Types.Contains(g.Label)).ToHashSet();
            var predicted = found.ToHashSet();
            foreach (var p in predicted)
                counts[p.Label][gold.Contains(p) ? 0 : 1]++;
            foreach (var g in gold.Where(g => !predicted.Contains(g)))
                counts[g.Label][2]++;
            if (errors.Count < 25 && !gold.SetEquals(predicted))
                errors.Add($"  {s.Id}: gold [{Show(s.Text, gold)}] found [{Show(s.Text, predicted)}]");
            if (writer is not null)
            {
                var spans = found.Select(f => new { start = f.Start, end = f.End, label = f.Label });
                await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = s.Id, spans }));
            }
        }

        Console.WriteLine($"recognizer: {which}");
        Console.WriteLine("first differences:");
        foreach (var e in errors) Console.WriteLine(e);
        foreach (var t in Types)
        {
            var (p, r, f) = Score(counts[t]);
            Console.WriteLine($"{t}: gold={counts[t][0] + counts[t][2]} found={counts[t][0] + counts[t][1]} precision={p:F3} recall={r:F3} f1={f:F3}");
        }
        var total = new[] { counts.Values.Sum(c => c[0]), counts.Values.Sum(c => c[1]), counts.Values.Sum(c => c[2]) };
        var (tp, tr, tf) = Score(total);
        Console.WriteLine($"ner: sentences={sentences} precision={tp:F3} recall={tr:F3} f1={tf:F3}");
        return 0;
    }

    private static PerceptronRecognizer LoadModel(string path)
    {
        using var file = File.OpenRead(path);
        return new PerceptronRecognizer(AveragedPerceptron.Load(file), Gazetteer.Default);
    }

    private static (double P, double R, double F) Score(int[] c)
    {
        var p = c[0] / (double)Math.Max(1, c[0] + c[1]);
        var r = c[0] / (double)Math.Max(1, c[0] + c[2]);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static string Show(string text, IEnumerable<(int Start, int End, string Label)> spans) =>
        string.Join(", ", spans.OrderBy(s => s.Start).Select(s => $"{text[s.Start..s.End]}/{s.Label}"));

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Sentence(string Id, string Text, List<(int Start, int End, string Label)> Spans)
    {
        public static Sentence Parse(string line)
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var text = root.GetProperty("text").GetString() ?? throw new InvalidOperationException("text is null");
            var spans = root.TryGetProperty("spans", out var sp)
                ? sp.EnumerateArray().Select(x => (x.GetProperty("start").GetInt32(), x.GetProperty("end").GetInt32(),
                    x.GetProperty("label").GetString() ?? "")).ToList()
                : [];
            return new Sentence(root.GetProperty("id").ToString(), text, spans);
        }
    }
}
