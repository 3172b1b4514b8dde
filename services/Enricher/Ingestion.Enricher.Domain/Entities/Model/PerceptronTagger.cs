namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// Left-to-right BIO tagging with an <see cref="AveragedPerceptron"/>: a beam of the <paramref name="beamWidth"/> best
/// tag histories (1: greedy), where histories that end in the same two tags are merged since the features see no
/// further back; and the (greedy) training loop.
/// </summary>
public sealed class PerceptronTagger(AveragedPerceptron model, int beamWidth = 1)
{
    public AveragedPerceptron Model { get; } = model;

    /// <summary>The best tag per token; an I- tag is only allowed after B-/I- of the same type.</summary>
    public int[] Tag(NerSentence sentence)
    {
        var n = sentence.Length;
        var tags = new int[n];
        if (n == 0) return tags;
        var width = Math.Max(1, beamWidth);
        // Per position and beam slot: the tag, the slot it extends at the position before, the history's score.
        var tagAt = new int[n, width];
        var parent = new int[n, width];
        var score = new float[width];
        var next = new float[width];
        var size = 1;
        var features = new List<ulong>(64);
        Span<float> untagged = stackalloc float[NerTags.Count];
        Span<float> tagged = stackalloc float[NerTags.Count];
        Span<(float Score, int Slot, int Tag)> candidates = stackalloc (float, int, int)[width * NerTags.Count];
        for (var i = 0; i < n; i++)
        {
            features.Clear();
            NerFeatures.ExtractUntagged(sentence, i, features);
            Model.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), untagged);
            var count = 0;
            for (var k = 0; k < size; k++)
            {
                var prev = i > 0 ? tagAt[i - 1, k] : NerTags.O;
                var prev2 = i > 1 ? tagAt[i - 2, parent[i - 1, k]] : NerTags.O;
                features.Clear();
                NerFeatures.ExtractTagged(sentence, i, prev, prev2, features);
                Model.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), tagged);
                for (var c = 0; c < NerTags.Count; c++)
                    if (NerTags.Allowed(prev, c)) candidates[count++] = (score[k] + untagged[c] + tagged[c], k, c);
            }
            size = Keep(candidates[..count], width, i, tagAt, parent, next);
            (score, next) = (next, score);
        }
        for (int i = n - 1, k = 0; i >= 0; k = parent[i, k], i--) tags[i] = tagAt[i, k];
        return tags;
    }

    /// <summary>Keeps the best candidates (at most width), one per pair of last two tags; slot 0 is the best.</summary>
    private static int Keep(Span<(float Score, int Slot, int Tag)> candidates, int width, int i, int[,] tagAt, int[,] parent, float[] score)
    {
        var size = 0;
        while (size < width)
        {
            // The best unused candidate; on a tie the first (lowest slot, then lowest tag), as greedy decoding does.
            var best = -1;
            for (var j = 0; j < candidates.Length; j++)
                if (candidates[j].Tag >= 0 && (best < 0 || candidates[j].Score > candidates[best].Score)) best = j;
            if (best < 0) break;
            var (s, slot, tag) = candidates[best];
            candidates[best].Tag = -1;
            var prev = i > 0 ? tagAt[i - 1, slot] : NerTags.O;
            var merged = false;
            for (var k = 0; k < size && !merged; k++)
                merged = tagAt[i, k] == tag && (i > 0 ? tagAt[i - 1, parent[i, k]] : NerTags.O) == prev;
            if (merged) continue;
            tagAt[i, size] = tag;
            parent[i, size] = slot;
            score[size++] = s;
        }
        return size;
    }

    private static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = NerTags.O;
        for (var c = 1; c < scores.Length; c++)
            if (NerTags.Allowed(prev, c) && scores[c] > scores[best]) best = c;
        return best;
    }

    /// <summary>
    /// One pass over the training sentences in the given order. Greedy (beam 1): each token is scored after the
    /// model's own previous tags and corrected at once. With a beam, the sentence is decoded whole and every token
    /// whose tag or two-tag history is wrong moves the weights towards the gold history's features and away from the
    /// guessed one's (Collins' structured perceptron). Returns the number of wrong tags.
    /// </summary>
    public int TrainEpoch(IReadOnlyList<(NerSentence Sentence, int[] Tags)> data, IEnumerable<int> order)
    {
        var features = new List<ulong>(64);
        Span<float> scores = stackalloc float[NerTags.Count];
        var errors = 0;
        foreach (var index in order)
        {
            var (sentence, truth) = data[index];
            if (beamWidth > 1)
            {
                errors += TrainStructured(sentence, truth, features);
                continue;
            }
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

    private int TrainStructured(NerSentence sentence, int[] truth, List<ulong> features)
    {
        var guessed = Tag(sentence);
        var errors = 0;
        for (var i = 0; i < sentence.Length; i++)
        {
            Model.NextInstance();
            if (guessed[i] != truth[i]) errors++;
            else if ((i < 1 || guessed[i - 1] == truth[i - 1]) && (i < 2 || guessed[i - 2] == truth[i - 2])) continue;
            NerFeatures.Extract(sentence, i, i > 0 ? truth[i - 1] : NerTags.O, i > 1 ? truth[i - 2] : NerTags.O, features);
            Model.Adjust(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), truth[i], 1f);
            NerFeatures.Extract(sentence, i, i > 0 ? guessed[i - 1] : NerTags.O, i > 1 ? guessed[i - 2] : NerTags.O, features);
            Model.Adjust(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), guessed[i], -1f);
        }
        return errors;
    }
}
