using System.Text;
using Ingestion.Indexer.Vectors;

namespace Ingestion.Indexer.Tests.Vectors;

public class LexemeOrderTests
{
    /// <summary>PostgreSQL's order (tsCompareString): the UTF-8 bytes compared, a prefix first.</summary>
    static int Bytes(string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    [Fact]
    public void Lexemes_sort_by_their_UTF8_bytes_with_prefixes_first()
    {
        string[] lexemes =
        [
            "internationally", "international", "internat", "intern", "inter", "b", "a", "ab", "abc", "zz", "z",
            "é", "e", "ü", "straße", "strasse", "москва", "москв", "報道", "iphone", "12x", "1", "10", "2",
            "a\U0001F389", "a\uFF21", "a\uE000", "a\uD7FF", "\U0001F389", "\uFFFD",
                "\uE000", // surrogates sort after U+E000–U+FFFF in UTF-8
            "1234567\U0001F389", "1234567\uFFFD", "12345678x", "12345678", "12345678\U0001F389", "123456789",
        ];
        var rng = new Random(3);
        var shuffled = lexemes.OrderBy(_ => rng.Next()).ToList();
        var keys = shuffled.Select(LexemeOrder.Key).ToArray();
        var items = Enumerable.Range(0, shuffled.Count).ToArray();

        LexemeOrder.Sort(keys, items, i => shuffled[i]);

        var expected = lexemes.ToList();
        expected.Sort(Bytes);
        Assert.Equal(expected, items.Select(i => shuffled[i]));
    }

    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("abc", "abcd")]
    [InlineData("a\uFFFD", "a\U0001F389")]
    [InlineData("z", "é")]
    public void Compare_agrees_with_the_bytes(string lower, string higher)
    {
        Assert.True(LexemeOrder.Compare(lower, higher) < 0);
        Assert.True(LexemeOrder.Compare(higher, lower) > 0);
        Assert.True(Bytes(lower, higher) < 0);
        Assert.True(LexemeOrder.Key(lower) <= LexemeOrder.Key(higher));
    }
}
