using Ingestion.Indexer.Vectors;

namespace Ingestion.Indexer.Tests.Vectors;

/// <summary>
/// How a body is split before its vector is built outside PostgreSQL. Whether the vectors then equal PostgreSQL's own is
/// tested against a real server (tests/Ingestion.IntegrationTests, IndexerVectorTests).
/// </summary>
public class VectorTextTests
{
    static List<(int Type, string Text)> Split(string body)
    {
        var pieces = new List<VectorText.Piece>();
        Assert.True(VectorText.TrySplit(body, pieces));
        return pieces.Select(p => (p.Type, p.In(body).ToString())).ToList();
    }

    [Fact]
    public void Plain_words_are_typed_as_the_default_parser_types_them()
    {
        Assert.Equal(
        [
            (VectorText.AsciiWord, "The"), (VectorText.UnsignedInt, "10"), (VectorText.UnsignedInt, "000"),
            (VectorText.Word, "cafés"), (VectorText.NumWord, "G20"), (VectorText.NumWord, "1990s"), (VectorText.Word, "Москва"),
        ], Split("The 10,000 cafés (G20) 1990s: Москва."));
    }

    [Fact]
    public void Apostrophes_quotes_and_dashes_only_separate_words()
    {
        Assert.Equal(["don", "t", "O", "Brien", "s", "quoted", "x", "y"],
            Split("don't O’Brien’s “quoted”\u00A0x—y").Select(p => p.Text));
    }

    [Theory]
    [InlineData("U.S.")]       // a file name to the parser
    [InlineData("etc..")]      // so is this; "etc..." is a word and blanks
    [InlineData("3.5%")]       // a decimal number
    [InlineData("well-known")] // a hyphenated word and its parts
    [InlineData("and/or")]
    [InlineData("info@example.org")]
    [InlineData("10:30")]
    [InlineData("AT&T")]
    [InlineData("報道によると")]  // letters outside the scripts read here
    public void Anything_else_is_left_to_PostgreSQLs_parser_with_the_space_before_it(string chunk)
    {
        Assert.Equal([(VectorText.Chunk, " " + chunk)], Split("x " + chunk).Skip(1));
        Assert.Equal((VectorText.Chunk, chunk), Split(chunk)[0]); // the parser reads a text's first chunk differently ("~12x")
    }

    [Fact]
    public void A_closing_full_stop_or_colon_is_plain_but_one_before_a_word_is_not()
    {
        Assert.Equal([(VectorText.AsciiWord, "end")], Split("end."));
        Assert.Equal([(VectorText.AsciiWord, "Note")], Split("Note:"));
        Assert.Equal(VectorText.Chunk, Split("end.Next")[0].Type);
    }

    [Fact]
    public void Bodies_with_tags_or_over_the_indexed_length_are_left_to_PostgreSQL_whole()
    {
        Assert.False(VectorText.TrySplit("a <b>bold</b> claim", []));
        Assert.False(VectorText.TrySplit(new string('a', VectorText.MaxChars + 1), []));
        Assert.True(VectorText.TrySplit(new string('a', VectorText.MaxChars), []));
    }
}
