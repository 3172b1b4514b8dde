using Ingestion.Fetcher.Domain.Identity;

namespace Ingestion.Fetcher.Tests.Identity;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTP://Example.COM/Path", "http://example.com/Path")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#section-2", "https://example.com/a")]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y&id=5", "https://example.com/a?id=5")]
    [InlineData("https://example.com/a?fbclid=abc", "https://example.com/a")]
    [InlineData("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4&b=2&a=1", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?UTM_Campaign=z&x=1", "https://example.com/a?x=1")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [InlineData("https://example.com/a%7eb%2fc", "https://example.com/a~b%2Fc")]
    [InlineData("https://example.com/index.html", "https://example.com/index.html")]
    [InlineData("https://example.com/a/", "https://example.com/a/")]
    [InlineData("  https://example.com/a  ", "https://example.com/a")]
    [InlineData("https://bücher.example/a", "https://xn--bcher-kva.example/a")]
    [InlineData("http://[::1]:8080/x", "http://[::1]:8080/x")]
    public void Canonicalizes(string input, string expected) => Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));

    [Fact]
    public void SortsParametersByNameKeepingRepeatedOnesInOrder() =>
        Assert.Equal("https://e.com/?a=2&a=1&b=0", UrlCanonicalizer.Canonicalize("https://e.com/?b=0&a=2&a=1"));

    [Fact]
    public void FileUrlsPassThroughNormalised()
    {
        Assert.Equal("file:///srv/news/a%20b.txt", UrlCanonicalizer.Canonicalize("file:///srv/news/a b.txt"));
        Assert.Equal("file:///srv/news/a.txt", UrlCanonicalizer.Canonicalize("file:///srv/news/a.txt#x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    public void RejectsNonAbsolute(string input)
    {
        Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(input));
        Assert.False(UrlCanonicalizer.TryCanonicalize(input, out _));
    }

    [Fact]
    public void IsIdempotent()
    {
        var once = UrlCanonicalizer.Canonicalize("HTTPS://News.Example.com:443/world/story.html?utm_source=rss&page=2&ref=a#top");
        Assert.Equal(once, UrlCanonicalizer.Canonicalize(once));
    }
}
