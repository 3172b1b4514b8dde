using System.Diagnostics;
using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Entities.Model;
using Ingestion.Tools.NerTraining;

// Trains the enricher's averaged-perceptron entity model from ../shared/corpus/ner:
// dotnet run -c Release --project tools/Ingestion.Enricher.Training [-- --corpus DIR] [--output FILE] [--epochs N] [--seed N] [--holdout N
// [--fold K] [--holdout-output FILE]] [--beam N]
// --beam N: train as a structured perceptron over a beam of N tag histories (default PerceptronRecognizer.BeamWidth; 1 = greedy).
// `-- clusters` instead builds the word-cluster table the model's features read (WordClusterBuilder; run it before training).
// Training data: wikigold (CC-BY 4.0), the Broad Twitter Corpus (CC-BY 4.0), UNER English-EWT dev split (CC BY-SA 4.0).
// The UNER test split is never read: it is what `Ingestion.Evaluation ner` measures.
// --holdout N [--fold K] keeps every N-th UNER dev document (the K-th of each N, default 0; all its sentences) out of training and reports
// F1 on them (for
// development only); --holdout-output FILE writes the held-out sentences as spans.jsonl, for `Ingestion.Evaluation ner
// FILE --model MODEL`. Whole documents, because a document's sentences share their names: holding out single
// sentences let the model see the same entities in training and scored it too well (0.82 against 0.69 on the test split).
var root = FindRoot();
var corpus = Option("--corpus") ?? Path.Combine(root, "..", "shared", "corpus", "ner");
var output = Option("--output")
    ?? Path.Combine(root, "services", "Enricher", "Ingestion.Enricher.Domain", "Entities", "Model", "ner-perceptron.bin.gz");
var epochs = int.Parse(Option("--epochs") ?? "10", System.Globalization.CultureInfo.InvariantCulture);
var seed = int.Parse(Option("--seed") ?? "7", System.Globalization.CultureInfo.InvariantCulture);
var holdout = int.Parse(Option("--holdout") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
var fold = int.Parse(Option("--fold") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
var devWeight = int.Parse(Option("--dev-weight") ?? "6", System.Globalization.CultureInfo.InvariantCulture);

if (!Directory.Exists(corpus))
{
    Console.WriteLine($"SKIPPED: NER training data not found at {Path.GetFullPath(corpus)}");
    return 1;
}

var gazetteer = Gazetteer.Default;
var raw = new List<(string[] Words, string[] Tags, string Source)>();
var clustersOnly = args.Contains("clusters");
void Add(string source, IEnumerable<(string[] Words, string[] Tags)> sentences)
{
    var n = 0;
    foreach (var (w, t) in sentences) { raw.Add((w, t, source)); n++; }
    Console.WriteLine($"{source}: {n} sentences");
}
Add("wikigold", Corpora.ReadConll(Path.Combine(corpus, "wikigold", "wikigold.conll.txt")));
foreach (var file in Directory.GetFiles(Path.Combine(corpus, "BTC"), "*.conll").Order(StringComparer.Ordinal))
    Add("BTC/" + Path.GetFileName(file), Corpora.ReadConll(file));
if (clustersOnly)
{
    // Before the UNER dev split is read: the table is built once, and held-out dev documents must not find their names in it.
    var words = raw.SelectMany(r => r.Words).Concat(gazetteer.FirstNames)
        .Concat(gazetteer.Surnames.Keys).Concat(NerSentence.CityNames.SelectMany(c => c.Split(' ')));
    WordClusterBuilder.Build(words, Option("--clusters-output") ?? Path.Combine(root, "services", "Enricher",
        "Ingestion.Enricher.Domain", "Entities", "Model", "word-clusters.tsv.gz"), seed);
    return 0;
}
var dev = Corpora.ReadSpansJsonl(Path.Combine(corpus, "UNER_English-EWT", "en_ewt-dev.spans.jsonl"));
var held = new List<SpansSentence>();
var devTrain = new List<(string[] Words, string[] Tags)>();
var documents = new Dictionary<string, int>();
foreach (var sentence in dev)
{
    if (!documents.TryGetValue(sentence.Document, out var number)) documents[sentence.Document] = number = documents.Count;
    if (holdout > 0 && number % holdout == fold) held.Add(sentence);
    else devTrain.Add((sentence.Words, sentence.Tags));
}
var holdoutOutput = Option("--holdout-output");
if (holdoutOutput is not null) File.WriteAllLines(holdoutOutput, held.Select(h => h.Line));
for (var k = 0; k < devWeight; k++) Add($"UNER-dev (copy {k + 1})", devTrain);

var data = raw.Select(r =>
{
    var tags = r.Tags.Select(NerTags.Parse).ToArray();
    NerTags.ToIob2(tags);
    return (new NerSentence(r.Words, gazetteer), tags);
}).ToList();

var model = new AveragedPerceptron();
var beam = int.Parse(Option("--beam")
    ?? PerceptronRecognizer.BeamWidth.ToString(System.Globalization.CultureInfo.InvariantCulture),
    System.Globalization.CultureInfo.InvariantCulture);
var tagger = new PerceptronTagger(model, beam);
var random = new Random(seed);
var order = Enumerable.Range(0, data.Count).ToArray();
var clock = Stopwatch.StartNew();
for (var epoch = 1; epoch <= epochs; epoch++)
{
    random.Shuffle(order);
    var errors = tagger.TrainEpoch(data, order);
    Console.WriteLine($"epoch {epoch}: {errors} token errors, {model.FeatureCount} features, {clock.Elapsed.TotalSeconds:F0} s");
}
model.Average(dropBelow: 0.01f);
Console.WriteLine($"averaged: {model.FeatureCount} features kept");

if (held.Count > 0)
{
    foreach (var width in new[] { 1, beam, PerceptronRecognizer.BeamWidth }.Distinct())
    {
        var decoder = new PerceptronTagger(model, width);
        int tp = 0, fp = 0, fn = 0;
        foreach (var (_, words, tags, _) in held)
        {
            var gold = tags.Select(NerTags.Parse).ToArray();
            NerTags.ToIob2(gold);
            var goldSpans = NerTags.Spans(gold).ToHashSet();
            var predicted = NerTags.Spans(decoder.Tag(new NerSentence(words, gazetteer))).ToHashSet();
            var hit = predicted.Count(goldSpans.Contains);
            tp += hit; fp += predicted.Count - hit; fn += goldSpans.Count - hit;
        }
        var p = tp / (double)Math.Max(1, tp + fp);
        var r = tp / (double)Math.Max(1, tp + fn);
        Console.WriteLine($"holdout (every {holdout}th UNER dev document, gold tokens, beam {width}): sentences={held.Count} precision={p:F3} recall={r:F3} f1={2 * p * r / Math.Max(1e-9, p + r):F3}");
    }
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using (var file = File.Create(output)) model.Save(file);
Console.WriteLine($"wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length / 1024} KiB)");
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
