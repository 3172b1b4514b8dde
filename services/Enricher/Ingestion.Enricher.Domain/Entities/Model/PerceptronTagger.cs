namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>Greedy left-to-right BIO tagging with an <see cref="AveragedPerceptron"/>, and its training loop.</summary>
public sealed class PerceptronTagger(AveragedPerceptron model)
{
    public AveragedPerceptron Model { get; } = model;

    /// <summary>The best tag per token; an I- tag is only allowed after B-/I- of the same type.</summary>
    public int[] Tag(NerSentence sentence)
    {
        var tags = new int[sentence.Length];
        var features = new List<ulong>(64);
        Span<float> scores = stackalloc float[NerTags.Count];
        for (var i = 0; i < sentence.Length; i++)
        {
            var prev = i > 0 ? tags[i - 1] : NerTags.O;
            var prev2 = i > 1 ? tags[i - 2] : NerTags.O;
            NerFeatures.Extract(sentence, i, prev, prev2, features);
            Model.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), scores);
            tags[i] = Best(scores, prev);
        }
        return tags;
    }

    private static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = NerTags.O;
        for (var c = 1; c < scores.Length; c++)
            if (NerTags.Allowed(prev, c) && scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>One pass over the training sentences in the given order (greedy, with the model's own previous tags).</summary>
    public int TrainEpoch(IReadOnlyList<(NerSentence Sentence, int[] Tags)> data, IEnumerable<int> order)
    {
        var features = new List<ulong>(64);
        Span<float> scores = stackalloc float[NerTags.Count];
        var errors = 0;
        foreach (var index in order)
        {
            var (sentence, truth) = data[index];
            var guessed = new int[sentence.Length];
            for (var i = 0; i < sentence.Length; i++)
            {
                var prev = i > 0 ? guessed[i - 1] : NerTags.O;
                var prev2 = i > 1 ? guessed[i - 2] : NerTags.O;
                NerFeatures.Extract(sentence, i, prev, prev2, features);
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
                Model.Score(span, scores);
                var guess = Best(scores, prev);
                Model.Update(span, truth[i], guess);
                if (guess != truth[i]) errors++;
                guessed[i] = guess;
            }
        }
        return errors;
    }
}
