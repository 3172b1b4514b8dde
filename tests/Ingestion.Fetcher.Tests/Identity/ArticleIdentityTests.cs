using System.Text;
using Ingestion.Fetcher.Domain.Identity;

namespace Ingestion.Fetcher.Tests.Identity;

public class ArticleIdentityTests
{
    [Fact]
    public void IdIs32LowerHexCharacters()
    {
        var id = ArticleIdentity.IdFor("https://example.com/a");
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void IdIsTheFirst16BytesOfSha256()
    {
        // sha256("https://example.com/") computed independently of the implementation
        var full = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("https://example.com/")));
        Assert.Equal(full[..32], ArticleIdentity.IdFor("https://example.com/"));
    }

    [Fact]
    public void SameArticleThroughTwoTrackingVariantsHasOneId()
    {
        var fromNewsletter = ArticleIdentity.ForUrl("https://News.Example.com/world/story-123?utm_source=newsletter&utm_medium=email&mc_cid"
            + "=abc#comments");
        var fromFacebook = ArticleIdentity.ForUrl("https://news.example.com:443/world/story-123?fbclid=IwAR0xyz");
        var plain = ArticleIdentity.IdFor(UrlCanonicalizer.Canonicalize("https://news.example.com/world/story-123"));
        Assert.Equal(plain, fromNewsletter);
        Assert.Equal(plain, fromFacebook);
    }

    [Fact]
    public void DifferentArticlesHaveDifferentIds() =>
        Assert.NotEqual(ArticleIdentity.ForUrl("https://e.com/a?id=1"), ArticleIdentity.ForUrl("https://e.com/a?id=2"));

    [Fact]
    public void IdIsStableAcrossRuns() =>
        // pinned: a change here changes every stored article id
        Assert.Equal("0f115db062b7c0dd030b16878c99dea5", ArticleIdentity.IdFor("https://example.com/"));

    [Fact]
    public void ContentHashIsHexSha256()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.Of([]));
        Assert.Equal(ContentHash.Of("abc"u8), ContentHash.Of(Encoding.ASCII.GetBytes("abc")));
        Assert.NotEqual(ContentHash.Of("abc"u8), ContentHash.Of("abd"u8));
    }
}
