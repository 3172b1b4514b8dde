using System.Text;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// The trained recogniser: an averaged perceptron (see docs/enricher.md for its features and training command)
/// tags each sentence's tokens (<see cref="ModelTokenizer"/>: as the training data is tokenised) with BIO tags. The model ships embedded in
/// this assembly
/// (Entities/Model/ner-perceptron.bin.gz). Thread-safe.
/// </summary>
public sealed class PerceptronRecognizer : IEntityRecognizer
{
    public const string ResourceName = "Ingestion.Enricher.Domain.Models.ner-perceptron.bin.gz";

    /// <summary>How many tag histories the decoder keeps per token (see <see cref="PerceptronTagger"/>).</summary>
    public const int BeamWidth = 4;
    private static readonly Lazy<PerceptronRecognizer> Lazy = new(() => new PerceptronRecognizer(LoadEmbedded(), Gazetteer.Default));

    /// <summary>The recogniser with the model shipped in this assembly, loaded once.</summary>
    public static PerceptronRecognizer Default => Lazy.Value;

    private readonly PerceptronTagger tagger;
    private readonly Gazetteer gazetteer;

    public PerceptronRecognizer(AveragedPerceptron model, Gazetteer gazetteer)
    {
        tagger = new PerceptronTagger(model, BeamWidth);
        this.gazetteer = gazetteer;
    }

    public static AveragedPerceptron LoadEmbedded()
    {
        using var stream = typeof(PerceptronRecognizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded model '{ResourceName}' is missing.");
        return AveragedPerceptron.Load(stream);
    }

    public RecognitionResult Recognize(AnalyzedText text)
    {
        var entities = new List<EntitySpan>();
        var tokens = text.Tokens;
        foreach (var (first, end) in text.SentenceTokens)
        {
            if (end <= first) continue;
            var pieces = ModelTokenizer.Split(text.Text, tokens[first].Start, tokens[end - 1].End);
            var words = new string[pieces.Count];
            for (var i = 0; i < pieces.Count; i++) words[i] = text.Text[pieces[i].Start..pieces[i].End];
            var tags = tagger.Tag(new NerSentence(words, gazetteer));
            foreach (var (a, b, type) in NerTags.Spans(tags))
            {
                var start = pieces[a].Start;
                var stop = pieces[b - 1].End;
                var name = Collapse(text.Text.AsSpan(start, stop - start));
                var shouted = name.Any(char.IsLetter) && !name.Any(char.IsLower);
                var entry = gazetteer.Lookup(name, shouted);
                var id = entry is not null && entry.Type == type ? entry.Id : null;
                entities.Add(new EntitySpan(start, stop, type, entry is not null && shouted ? entry.Form : name, id, 0.8));
            }
        }
        return new RecognitionResult(entities, []);
    }

    private static string Collapse(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
