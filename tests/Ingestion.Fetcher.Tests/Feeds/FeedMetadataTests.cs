using System.Text;
using Ingestion.Fetcher.Domain.Feeds;
using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

/// <summary>The feed- and item-level metadata beyond what the pipeline needs: text construct details (type, xml:lang,
/// xml:base), RSS channel elements, category schemes, guid isPermaLink, extension elements.</summary>
public class FeedMetadataTests
{
    [Fact]
    public void RssChannelMetadata()
    {
        var feed = Parse("""
            <rss version="2.01" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Feed</title>
                <link>https://example.com/</link>
                <description>About &lt;b&gt;us&lt;/b&gt;</description>
                <managingEditor>editor@example.com (Ed Itor)</managingEditor>
                <webMaster>Web Master (web@example.com)</webMaster>
                <docs>/rss-spec</docs>
                <rating>(PICS-1.1 "http://www.rsac.org/ratingsv01.html" l gen true)</rating>
                <pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate>
                <cloud domain="rpc.sys.com" port="80" path="/RPC2" registerProcedure="pingMe" protocol="xml-rpc"/>
                <image><url>/logo.png</url><title>Logo</title><link>https://example.com/</link><width>80</width><height>15</height><description>Our logo</description></image>
                <textInput><title>Search</title><description>Search the site</description><name>q</name><link>/search</link></textInput>
                <skipHours><hour>0</hour><hour>1</hour></skipHours>
                <skipDays><day>Sunday</day></skipDays>
                <category domain="https://example.com/cats">World</category>
                <dc:publisher>Example Press</dc:publisher>
              </channel>
            </rss>
            """);
        Assert.Equal("rss20", feed.Version);
        Assert.Equal("2.01", feed.VersionText);
        Assert.Equal("Ed Itor", feed.Authors[0].Name);
        Assert.Equal("editor@example.com", feed.Authors[0].Email);
        Assert.Equal("Web Master (web@example.com)", feed.WebMaster);
        Assert.Equal(new FeedPerson("Example Press", null, null), feed.Publisher);
        Assert.Equal("https://example.com/rss-spec", feed.Docs);
        Assert.StartsWith("(PICS-1.1", feed.Rating);
        Assert.Equal(Utc(2004, 1, 1, 19, 48, 21), feed.Published);
        Assert.Equal(new FeedCloud("rpc.sys.com", "80", "/RPC2", "pingMe", "xml-rpc"), feed.Cloud);
        Assert.Equal(new FeedImage("https://example.com/logo.png", "Logo", "https://example.com/", 80, 15, "Our logo"), feed.Image);
        Assert.Equal("https://example.com/logo.png", feed.ImageUrl);
        Assert.Equal(new FeedTextInput("Search", "Search the site", "q", "https://example.com/search"), feed.TextInput);
        Assert.Equal(["0", "1"], feed.SkipHours);
        Assert.Equal(["Sunday"], feed.SkipDays);
        Assert.Equal(new FeedCategory("World", "https://example.com/cats", null), Assert.Single(feed.CategoryDetails));
        Assert.Equal("text/plain", feed.TitleDetail?.Type);
        Assert.Equal("text/html", feed.SubtitleDetail?.Type);
        Assert.Equal("https://example.com/feed", feed.TitleDetail?.Base);
    }

    [Fact]
    public void RssItemDetails()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:cc="http://web.resource.org/cc/"
                 xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <channel>
                <item>
                  <guid isPermaLink="false">abc-1</guid>
                  <link>https://example.com/a</link>
                  <category domain="http://cats.example/">Politics</category>
                  <wfw:commentRss>https://example.com/a/comments.rss</wfw:commentRss>
                  <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>
                  <expirationDate>Thu, 01 Jan 2026 00:00:00 GMT</expirationDate>
                  <apcategory>s</apcategory>
                </item>
                <item><guid>https://example.com/b</guid></item>
              </channel>
            </rss>
            """);
        var a = feed.Items[0];
        Assert.False(a.GuidIsPermaLink);
        Assert.Equal(new FeedCategory("Politics", "http://cats.example/", null), Assert.Single(a.CategoryDetails));
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/", a.License);
        Assert.Equal(Utc(2026, 1, 1), a.Expires);
        Assert.Equal("https://example.com/a/comments.rss", a.Extensions["wfw"]["commentRss"][0].Value);
        // An unknown element without a namespace is kept under "" (gofeed's "custom").
        Assert.Equal("s", a.Extensions[""]["apcategory"][0].Value);
        var b = feed.Items[1];
        Assert.True(b.GuidIsPermaLink);
        Assert.Equal("https://example.com/b", b.Link);
    }

    [Fact]
    public void ExtensionsKeepAttributesChildrenAndCanonicalPrefixes()
    {
        // A namespace written with other capitals and a leading space is still iTunes'.
        var feed = Parse("""
            <rss version="2.0" xmlns:it=" http://www.itunes.com/DTDs/PodCast-1.0.dtd" xmlns:x="http://example.org/ns">
              <channel>
                <it:author>Pod Author</it:author>
                <it:category text="Tech"><it:category text="Gadgets"/></it:category>
                <x:thing attr="v">val</x:thing>
              </channel>
            </rss>
            """);
        Assert.Equal("Pod Author", feed.Extensions["itunes"]["author"][0].Value);
        var category = feed.Extensions["itunes"]["category"][0];
        Assert.Equal("Tech", category.Attributes["text"]);
        Assert.Equal("Gadgets", category.Children["category"][0].Attributes["text"]);
        Assert.Equal("v", feed.Extensions["x"]["thing"][0].Attributes["attr"]);
        // iTunes is read through its canonical namespace: author and categories are understood, not only kept.
        Assert.Equal("Pod Author", feed.Authors[0].Name);
        Assert.Contains("Gadgets", feed.Categories);
    }

    [Fact]
    public void AtomTextConstructDetails()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xml:base="http://example.com/base/">
              <title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>
              <subtitle type="xhtml" xml:lang="fr"><div xmlns="http://www.w3.org/1999/xhtml">Sous-titre</div></subtitle>
              <rights xml:lang="">Public domain</rights>
              <generator uri="/gen" version="2.1">Gen</generator>
              <icon>favicon.ico</icon>
              <logo>logo.png</logo>
              <link rel="self" href="/feed.atom"/>
              <category term="t" scheme="http://s/" label="Label"/>
              <entry xml:base="entries/">
                <id>relative/id</id>
                <title>Entry</title>
                <summary type="text">Plain &lt;b&gt;text&lt;/b&gt;</summary>
                <content src="https://example.com/video.mp4" type="video/mp4"/>
              </entry>
            </feed>
            """);
        Assert.Equal("A bold title", feed.Title);
        Assert.Equal(new FeedTextInfo("text/html", "en", "http://example.com/base/"), feed.TitleDetail);
        Assert.Equal(new FeedTextInfo("application/xhtml+xml", "fr", "http://example.com/base/"), feed.SubtitleDetail);
        Assert.Null(feed.RightsDetail?.Language); // an empty xml:lang clears the language
        Assert.Equal(new FeedGenerator("Gen", "http://example.com/gen", "2.1"), feed.GeneratorDetail);
        Assert.Equal("http://example.com/base/favicon.ico", feed.Icon);
        Assert.Equal("http://example.com/base/logo.png", feed.Logo);
        Assert.Equal("http://example.com/feed.atom", feed.FeedUrl);
        Assert.Equal(new FeedCategory("t", "http://s/", "Label"), Assert.Single(feed.CategoryDetails));
        var entry = Assert.Single(feed.Items);
        Assert.Equal("http://example.com/base/entries/relative/id", entry.Info.Id);
        Assert.False(entry.HasLink); // a relative id is not a link to fetch
        Assert.Equal("Plain &lt;b&gt;text&lt;/b&gt;", entry.Info.Summary);
        Assert.Equal("text/plain", entry.SummaryDetail?.Type);
        Assert.Equal("https://example.com/video.mp4", entry.ContentSource);
        Assert.Equal("video/mp4", entry.ContentDetail?.Type);
        Assert.Equal("http://example.com/base/entries/", entry.TitleDetail?.Base);
    }

    [Fact]
    public void Atom03InfoAndHomepage()
    {
        var feed = Parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <info type="text/html" mode="escaped">About &lt;b&gt;this&lt;/b&gt; feed</info>
              <author><name>Mark</name><homepage>http://example.org/</homepage></author>
            </feed>
            """);
        Assert.Equal("About <b>this</b> feed", feed.InfoHtml);
        Assert.Equal("text/html", feed.InfoDetail?.Type);
        Assert.Equal("0.3", feed.VersionText);
        Assert.Equal(new FeedPerson("Mark", null, "http://example.org/"), Assert.Single(feed.Authors));
    }

    [Fact]
    public void BinaryContentIsDecodedOnlyWhenItIsBase64Text()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><title>a</title><content type="video/mp4">aGVsbG8=</content></entry>
              <entry><title>b</title><content type="application/json">{"a":1}</content></entry>
              <entry><title type="application/x-custom">test</title></entry>
            </feed>
            """);
        Assert.Equal("hello", feed.Items[0].ContentHtml);
        Assert.Equal("{\"a\":1}", feed.Items[1].ContentHtml);
        Assert.Equal("test", feed.Items[2].Info.Title);
    }

    [Fact]
    public void ContentLanguageIsTheFallbackLanguage()
    {
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><summary xml:lang="de_AT">y</summary></entry></feed>
            """), null, null, "https://example.com/", contentLanguage: "en");
        Assert.Equal("en", feed.Language);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("en", entry.TitleDetail?.Language);
        Assert.Equal("de-AT", entry.SummaryDetail?.Language);
    }

    [Fact]
    public void UnsafeXmlBaseIsIgnored()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/">
              <entry xml:base="javascript:alert(1)//"><title>x</title><link href="page.html"/></entry>
            </feed>
            """);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("http://example.com/page.html", entry.Link);
        Assert.Equal("http://example.com/", entry.TitleDetail?.Base);
    }

    [Fact]
    public void ItemImageFallsBackToTheFirstImageOfTheDescription()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><item><link>https://example.com/a</link>
            <description><![CDATA[<p><img src="/lead.jpg" alt=""> Text</p>]]></description></item></channel></rss>
            """);
        Assert.Equal("https://example.com/lead.jpg", feed.Items[0].Info.ImageUrl);
    }

    [Fact]
    public void JsonFeedDetails()
    {
        var feed = Parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://example.com/",
             "feed_url": "https://example.com/feed.json", "next_url": "https://example.com/feed.json?page=2",
             "icon": "https://example.com/icon.png", "favicon": "https://example.com/favicon.ico", "expired": false,
             "user_comment": "hello", "authors": [{"name": "A", "url": "https://example.com/a", "avatar": "https://example.com/a.png"}],
             "items": [{"id": "1", "url": "https://example.com/1", "external_url": "https://other.example/1",
                        "content_text": "Text", "banner_image": "https://example.com/banner.png",
                        "attachments": [{"url": "https://example.com/a.mp3", "mime_type": "audio/mpeg", "title": "Audio",
                                         "size_in_bytes": 100, "duration_in_seconds": 60}]}]}
            """);
        Assert.Equal("json11", feed.Version);
        Assert.Equal("https://example.com/feed.json", feed.FeedUrl);
        Assert.Equal("https://example.com/feed.json?page=2", feed.NextUrl);
        Assert.Equal("https://example.com/favicon.ico", feed.Favicon);
        Assert.Equal("hello", feed.UserComment);
        Assert.False(feed.Expired);
        Assert.Equal("https://example.com/a.png", Assert.Single(feed.Authors).Avatar);
        var item = Assert.Single(feed.Items);
        Assert.Equal("Text", item.ContentText);
        Assert.Equal("https://example.com/banner.png", item.BannerImage);
        Assert.Contains(item.Links, l => l.Rel == "related" && l.Href == "https://other.example/1");
        var attachment = Assert.Single(item.Enclosures);
        Assert.Equal(("Audio", "60", "100"), (attachment.Title, attachment.DurationSeconds, attachment.Length));
    }

    [Fact]
    public void UndeclaredWellKnownPrefixIsReadAndReported()
    {
        var feed = Parse("""<rss version="2.0"><channel><itunes:author>Foo</itunes:author></channel></rss>""");
        Assert.Equal("Foo", feed.Authors[0].Name);
        Assert.Contains(feed.Repairs, r => r.Contains("itunes", StringComparison.Ordinal));
    }
}
