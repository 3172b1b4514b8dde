using System.Text;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Fetcher.Tests.Feeds;

public class FeedEncodingTests
{
    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Rss(string title, Encoding encoding, string? declared) =>
        encoding.GetBytes($"""<?xml version="1.0"{(declared is null ? "" : $" encoding=\"{declared}\"")}?><rss version="2.0"><channel><title>{title}</title></channel></rss>""");

    [Fact]
    public void XmlDeclarationIsUsedWhenNoCharsetIsGiven()
    {
        var feed = FeedParser.Parse(Rss("Einsätze – Weiz", Encoding.GetEncoding(1252), "ISO-8859-1"), "application/rss+xml", null, null);
        Assert.Equal("Einsätze – Weiz", feed.Title);
    }

    [Fact]
    public void CharsetParameterOverridesTheDeclaration()
    {
        var body = Rss("Привет", Encoding.GetEncoding("windows-1251"), "utf-8");
        var feed = FeedParser.Parse(body, "text/xml; charset=windows-1251", null, null);
        Assert.Equal("Привет", feed.Title);
        Assert.Equal("windows-1251", feed.Encoding);
    }

    [Fact]
    public void ExplicitCharsetArgumentWins()
    {
        var body = Rss("Привет", Encoding.GetEncoding("koi8-r"), null);
        Assert.Equal("Привет", FeedParser.Parse(body, "text/xml; charset=utf-8", "koi8-r", null).Title);
    }

    [Fact]
    public void ByteOrderMarkIsHonoured()
    {
        var utf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var body = utf16.GetPreamble().Concat(Rss("日本語", utf16, "utf-16")).ToArray();
        Assert.Equal("日本語", FeedParser.Parse(body, null, null, null).Title);

        var utf8Bom = Encoding.UTF8.GetPreamble().Concat(Rss("naïve", new UTF8Encoding(false), null)).ToArray();
        Assert.Equal("naïve", FeedParser.Parse(utf8Bom, null, null, null).Title);
    }

    [Fact]
    public void Utf32WithoutByteOrderMarkIsDetected()
    {
        var utf32 = new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        Assert.Equal("Grüße", FeedParser.Parse(Rss("Grüße", utf32, "utf-32"), null, null, null).Title);
    }

    [Fact]
    public void DefaultsToUtf8()
    {
        var feed = FeedParser.Parse(Rss("Ελληνικά", new UTF8Encoding(false), null), null, null, null);
        Assert.Equal("Ελληνικά", feed.Title);
        Assert.Equal("utf-8", feed.Encoding);
    }

    [Fact]
    public void InvalidUtf8FallsBackToWindows1252()
    {
        var feed = FeedParser.Parse(Rss("café “quoted”", Encoding.GetEncoding(1252), null), null, null, null);
        Assert.Equal("café “quoted”", feed.Title);
        Assert.NotEmpty(feed.Repairs);
    }

    [Fact]
    public void UnknownCharsetIsIgnored()
    {
        var feed = FeedParser.Parse(Rss("plain", new UTF8Encoding(false), null), "text/xml; charset=x-bogus-42", null, null);
        Assert.Equal("plain", feed.Title);
    }
}

public class MojibakeTests
{
    [Theory]
    [InlineData("KÃ¤ltewelle in Europa", "Kältewelle in Europa")]
    [InlineData("Ã¼ber â€žAnfÃ¼hrungszeichenâ€œ", "über „Anführungszeichen“")]
    [InlineData("Israel cuts $6 millionÂ\u00a0in UN funding", "Israel cuts $6 million\u00a0in UN funding")]
    public void RepairsDoubleEncodedUtf8(string input, string expected) => Assert.Equal(expected, Mojibake.Repair(input));

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("Kältewelle")]
    [InlineData("café © 2024")]
    [InlineData("日本語")]
    public void LeavesOrdinaryTextAlone(string input) => Assert.Same(input, Mojibake.Repair(input));

    [Fact]
    public void FeedTitlesAreRepairedInUtf8Documents()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><item><title>KÃ¶ln</title></item></channel></rss>"
            + ""), null, null, null);
        Assert.Equal("Köln", feed.Items[0].Info.Title);
        Assert.Contains(feed.Repairs, r => r.Contains("double-encoded"));
    }
}
