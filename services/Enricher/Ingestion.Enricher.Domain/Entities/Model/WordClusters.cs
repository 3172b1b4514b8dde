using System.IO.Compression;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// Which cluster of similar words a word belongs to, at <see cref="Sizes"/> granularities: the entity model's
/// features for words it never saw in training. The table (Entities/Model/word-clusters.tsv.gz, embedded) is built
/// by the training command's <c>clusters</c> step from MiniLM word vectors (see docs/enricher.md). Words are looked up
/// lower-cased; a word outside the table has no cluster. Loaded once; thread-safe.
/// </summary>
public sealed class WordClusters
{
    public const string ResourceName = "Ingestion.Enricher.Domain.Models.word-clusters.tsv.gz";

    /// <summary>The number of clusters at each granularity, coarse to fine.</summary>
    public static readonly int[] Sizes = [64, 256, 1024];

    private static readonly Lazy<WordClusters> Lazy = new(LoadEmbedded);

    /// <summary>The table shipped in this assembly, or an empty one when the assembly was built without it.</summary>
    public static WordClusters Default => Lazy.Value;

    private readonly Dictionary<string, string[]> clusters;

    public WordClusters(Dictionary<string, string[]> clusters) => this.clusters = clusters;

    public int Count => clusters.Count;

    /// <summary>The word as the table holds it: lower-cased.</summary>
    public static string Key(string word) => word.ToLowerInvariant();

    /// <summary>The word's cluster at each granularity (as text, for feature keys), or null when the table does not hold it.</summary>
    public string[]? Of(string lowerCaseWord) => clusters.TryGetValue(lowerCaseWord, out var ids) ? ids : null;

    public static WordClusters Read(Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var clusters = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != Sizes.Length + 1) throw new InvalidDataException($"word clusters: bad line '{line}'");
            var ids = new string[Sizes.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                var id = parts[i + 1];
                ids[i] = interned.TryGetValue(id, out var shared) ? shared : interned[id] = id;
            }
            clusters[parts[0]] = ids;
        }
        return new WordClusters(clusters);
    }

    private static WordClusters LoadEmbedded()
    {
        using var stream = typeof(WordClusters).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? new WordClusters(new Dictionary<string, string[]>(StringComparer.Ordinal)) : Read(stream);
    }
}
