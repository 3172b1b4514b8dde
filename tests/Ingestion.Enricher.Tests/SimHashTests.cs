using Ingestion.Enricher.Domain;

namespace Ingestion.Enricher.Tests;

public sealed class SimHashTests
{
    private static string SeedBody() => string.Join("\n\n", SeedArticle.Paragraphs());

    private const string Unrelated =
        "The quick brown fox jumps over the lazy dog while the farmer watches from the porch of his old wooden house. " +
        "Rain fell on the fields all night and the river rose above its banks, flooding the lower meadows near the village. " +
        "In the morning the children walked to school through the mud, laughing and splashing in every puddle they found. " +
        "By noon the sun had come out and the whole valley steamed as the water slowly drained back into the stream.";

    [Fact]
    public void Identical_texts_have_distance_zero()
    {
        var body = SeedBody();
        Assert.Equal(0, SimHash.Distance(SimHash.Compute(body), SimHash.Compute(body)));
    }

    [Fact]
    public void Normalisation_ignores_case_punctuation_and_spacing()
    {
        Assert.Equal(SimHash.Compute("India and Russia, likely to resume talks!"),
            SimHash.Compute("india  AND russia likely to\nresume talks"));
    }

    [Fact]
    public void One_sentence_edited_in_a_400_word_text_stays_within_3_bits()
    {
        var body = SeedBody();
        Assert.InRange(body.Split(' ').Length, 380, 420);
        var edited = body.Replace("Flights between the two nations have increased from 52 to 64 and could increase further.",
                                  "Flights between the two nations have risen from 52 to 64 and could increase further.");
        Assert.NotEqual(body, edited);
        var a = SimHash.Compute(body);
        var b = SimHash.Compute(edited);
        Assert.InRange(SimHash.Distance(a, b), 1, 3);
    }

    [Fact]
    public void Single_word_edits_anywhere_in_a_400_word_text_are_mostly_within_3_bits()
    {
        // Statistical property of 64-bit SimHash over 3-shingles: replacing one word changes 3 of ~400 shingles,
        // which flips ~2 bits on average. Measured over every 7th word of the seed body.
        var words = SeedBody().Split(' ');
        var original = SimHash.Compute(string.Join(' ', words));
        var distances = new List<int>();
        for (var i = 0; i < words.Length; i += 7)
        {
            var copy = (string[])words.Clone();
            copy[i] = "zebra";
            distances.Add(SimHash.Distance(original, SimHash.Compute(string.Join(' ', copy))));
        }
        var within = distances.Count(d => d <= 3) / (double)distances.Count;
        Assert.True(within >= 0.8, $"only {within:P0} within 3 bits: {string.Join(",", distances)}");
        Assert.True(distances.Max() <= 8, string.Join(",", distances));
    }

    [Fact]
    public void Rewriting_a_whole_sentence_moves_fewer_bits_than_an_unrelated_text()
    {
        var body = SeedBody();
        var rewritten = body.Replace("India is also hopeful of receiving more tourists from Russia.",
                                     "The weather in the capital was unusually cold and foggy for the season.");
        var d = SimHash.Distance(SimHash.Compute(body), SimHash.Compute(rewritten));
        Assert.InRange(d, 1, 12);
    }

    [Fact]
    public void Unrelated_texts_are_far_apart()
    {
        Assert.True(SimHash.Distance(SimHash.Compute(SeedBody()), SimHash.Compute(Unrelated)) > 10);
        Assert.True(SimHash.Distance(SimHash.Compute("Markets rallied on Friday as investors cheered strong earnings from technology "
            + "companies and banks."),
                                     SimHash.Compute(Unrelated)) > 10);
    }

    [Fact]
    public void Hash_is_stable_across_runs_and_platforms()
    {
        // Pinned: changing the normalisation, shingling or hash function changes every published fingerprint.
        Assert.Equal("0a120dbca75ff1ce", SimHash.ToHex(SimHash.Compute("a b c")));
        Assert.Equal(0UL, SimHash.Compute(""));
        Assert.Equal(0UL, SimHash.Compute("  ,.;  "));
    }

    [Fact]
    public void Hex_is_16_lower_case_digits_of_the_hash()
    {
        foreach (var h in new[] { 0UL, 1UL, 0x0123456789abcdefUL, ulong.MaxValue, SimHash.Compute(SeedBody()) })
        {
            var hex = SimHash.ToHex(h);
            Assert.Equal(16, hex.Length);
            Assert.Equal(hex, hex.ToLowerInvariant());
            Assert.Equal(h,
                ulong.Parse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
