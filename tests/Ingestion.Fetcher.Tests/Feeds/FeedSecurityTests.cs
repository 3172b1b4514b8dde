using System.IO.Compression;
using System.Text;
using Ingestion.Fetcher.Domain.Feeds;
using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

public class FeedSecurityTests
{
    [Fact]
    public void BillionLaughsIsRefused()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """;
        var ex = Assert.Throws<FeedFormatException>(() => Parse(bomb));
        Assert.Contains("DTD not allowed", ex.Message);
    }

    [Fact]
    public void ExternalEntityIsRefused()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}"> ]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;
            var ex = Assert.Throws<FeedFormatException>(() => Parse(xxe));
            Assert.Contains("DTD not allowed", ex.Message);
            Assert.DoesNotContain("TOP-SECRET", ex.Message);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void ParameterEntityIsRefused()
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse("""
            <!DOCTYPE rdf:RDF [ <!ENTITY % HTMLlat1 PUBLIC "-//W3C//ENTITIES Latin 1 for XHTML//EN" "http://localhost:1/x.ent"> %HTMLlat1; ]>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>
            """));
        Assert.Contains("DTD not allowed", ex.Message);
    }

    [Fact]
    public void ExternalDtdReferenceIsIgnoredNotLoaded()
    {
        // The DTD URL points at a closed local port: were it fetched, parsing would fail or hang.
        var feed = Parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/never-fetched.dtd">
            <rss version="2.0"><channel><title>found</title></channel></rss>
            """);
        Assert.Equal("found", feed.Title);
        Assert.Contains(feed.Repairs, r => r.Contains("DOCTYPE"));
    }

    [Fact]
    public void GzipBombIsRefused()
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 70; i++) gz.Write(zeros);
        }
        var ex = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(output.ToArray(), null, null, null));
        Assert.Contains("exceeds", ex.Message);
    }

    [Theory]
    [InlineData("<rss><channel><title>unclosed</channel></rss>")]
    [InlineData("<rss version=\"2.0\"><channel><item></channel>")]
    public void MalformedXmlIsAFormatError(string xml)
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse(xml));
        Assert.Contains("Malformed XML", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("just some words")]
    [InlineData("<html><body>Hello</body></html>")]
    [InlineData("<opml version=\"1.0\"><body/></opml>")]
    public void NonFeedsAreRefusedWithAClearMessage(string body)
    {
        var ex = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, null, null));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void InvalidXmlCharactersAreRemoved()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>bad\u0001char\u000B</title></channel></rss>");
        Assert.Equal("badchar", feed.Title);
    }
}
