using System.IO.Compression;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// A multi-class averaged perceptron over hashed features (64-bit keys, see <see cref="NerFeatures"/>).
/// Training keeps running totals for averaging; <see cref="Save"/> writes the averaged weights quantised to 16 bits,
/// gzip-compressed. A loaded model keeps only those quantised weights, in a <see cref="WeightTable"/> made for fast
/// scoring; it cannot be trained further. Prediction is read-only and thread-safe once trained or loaded.
/// </summary>
public sealed class AveragedPerceptron
{
    private const int Magic = 0x4E455231; // "NER1"
    private readonly Dictionary<ulong, float[]> weights = new();
    private readonly Dictionary<ulong, float[]> totals = new();
    private readonly Dictionary<ulong, int[]> stamps = new();
    private int instances;
    private WeightTable? loaded;

    public int FeatureCount => loaded?.Count ?? this.weights.Count;

    /// <summary>Sets scores (length <see cref="NerTags.Count"/>) to the sum of the weights of the given features.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (loaded is not null)
        {
            loaded.Score(features, scores);
            return;
        }
        scores.Clear();
        foreach (var f in features)
        {
            if (!weights.TryGetValue(f, out var w)) continue;
            for (var c = 0; c < scores.Length; c++) scores[c] += w[c];
        }
    }

    /// <summary>One training step: if the guess is wrong, reward the truth and penalise the guess.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        NextInstance();
        if (truth == guess) return;
        Adjust(features, truth, 1f);
        Adjust(features, guess, -1f);
    }

    /// <summary>Counts one training instance (token) for the averaging; <see cref="Update"/> does it itself.</summary>
    public void NextInstance()
    {
        ThrowIfLoaded();
        instances++;
    }

    /// <summary>Adds delta to the weight of class c of each feature (structured updates: truth and guess see different features).</summary>
    public void Adjust(ReadOnlySpan<ulong> features, int c, float delta)
    {
        ThrowIfLoaded();
        foreach (var f in features)
        {
            if (!weights.TryGetValue(f, out var w))
            {
                w = new float[NerTags.Count];
                weights[f] = w;
                totals[f] = new float[NerTags.Count];
                stamps[f] = new int[NerTags.Count];
            }
            Step(w, totals[f], stamps[f], c, delta);
        }
    }

    private void Step(float[] w, float[] totals, int[] stamps, int c, float delta)
    {
        totals[c] += (instances - stamps[c]) * w[c];
        stamps[c] = instances;
        w[c] += delta;
    }

    /// <summary>Replaces the weights by their average over all training steps and drops features that end near zero.</summary>
    public void Average(float dropBelow)
    {
        ThrowIfLoaded();
        var drop = new List<ulong>();
        foreach (var (f, w) in weights)
        {
            var totals = this.totals[f];
            var stamps = this.stamps[f];
            var max = 0f;
            for (var c = 0; c < w.Length; c++)
            {
                var total = totals[c] + (instances - stamps[c]) * w[c];
                w[c] = total / Math.Max(1, instances);
                max = Math.Max(max, Math.Abs(w[c]));
            }
            if (max < dropBelow) drop.Add(f);
        }
        foreach (var f in drop) weights.Remove(f);
        this.totals.Clear();
        this.stamps.Clear();
    }

    public void Save(Stream output)
    {
        ThrowIfLoaded();
        var max = weights.Values.SelectMany(w => w).Select(Math.Abs).DefaultIfEmpty(1f).Max();
        var scale = max / short.MaxValue;
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(NerTags.Count);
        writer.Write(scale);
        writer.Write(weights.Count);
        foreach (var (f, w) in weights.OrderBy(p => p.Key))
        {
            writer.Write(f);
            foreach (var x in w) writer.Write((short)Math.Round(x / scale));
        }
    }

    private void ThrowIfLoaded()
    {
        if (this.loaded is not null) throw new InvalidOperationException("A loaded model holds only its quantised weights: it cannot be "
            + "trained or saved.");
    }

    public static AveragedPerceptron Load(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadInt32() != Magic) throw new InvalidDataException("Not a NER perceptron model (bad magic number).");
        var classes = reader.ReadInt32();
        if (classes != NerTags.Count) throw new InvalidDataException($"Model has {classes} classes, expected {NerTags.Count}.");
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var table = new WeightTable(scale, count);
        Span<short> w = stackalloc short[WeightTable.Width];
        for (var i = 0; i < count; i++)
        {
            var f = reader.ReadUInt64();
            for (var c = 0; c < classes; c++) w[c] = reader.ReadInt16();
            table.Add(f, w);
        }
        return new AveragedPerceptron { loaded = table };
    }
}
