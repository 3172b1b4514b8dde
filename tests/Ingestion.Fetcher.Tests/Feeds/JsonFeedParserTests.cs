using Ingestion.Fetcher.Domain.Feeds;
using static Ingestion.Fetcher.Tests.Feeds.FeedTestHelpers;

namespace Ingestion.Fetcher.Tests.Feeds;

public class JsonFeedParserTests
{
    [Fact]
    public void JsonFeed11()
    {
        var feed = Parse("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "My Example Feed",
              "home_page_url": "https://example.org/",
              "feed_url": "https://example.org/feed.json",
              "language": "en",
              "authors": [{ "name": "Feed Writer" }],
              "items": [
                {
                  "id": "2", "url": "https://example.org/second-item", "title": "Second",
                  "content_text": "This is a second item.", "summary": "Short <not html>",
                  "date_published": "2021-10-29T10:26:00-04:00", "date_modified": "2021-10-29T11:59:00-04:00",
                  "authors": [{ "name": "Ann" }, { "name": "Bob" }], "tags": ["a", "b"], "image": "/img/2.png", "language": "fr"
                },
                { "id": 1, "url": "/initial-post", "content_html": "<p>Hello, <script>x()</script>world!</p>" }
              ]
            }
            """, baseUrl: "https://example.org/feed.json");
        Assert.Equal("json", feed.Kind);
        Assert.Equal("json11", feed.Version);
        Assert.Equal("My Example Feed", feed.Title);
        Assert.Equal("https://example.org/", feed.Link);
        Assert.Equal("en", feed.Language);
        Assert.Equal(2, feed.Items.Count);

        var second = feed.Items[0];
        Assert.Equal("https://example.org/second-item", second.Link);
        Assert.Equal("2", second.Info.Id);
        Assert.Equal(Utc(2021, 10, 29, 14, 26), second.Info.Published);
        Assert.Equal(Utc(2021, 10, 29, 15, 59), second.Info.Updated);
        Assert.Equal(["Ann", "Bob"], second.Info.Authors);
        Assert.Equal(["a", "b"], second.Info.Categories);
        Assert.Equal("Short &lt;not html&gt;", second.Info.Summary);
        Assert.Equal("This is a second item.", second.ContentHtml);
        Assert.Equal("https://example.org/img/2.png", second.Info.ImageUrl);
        Assert.Equal("fr", second.Info.Language);

        var first = feed.Items[1];
        Assert.Equal("1", first.Info.Id);
        Assert.Equal("https://example.org/initial-post", first.Link);
        Assert.Equal(["Feed Writer"], first.Info.Authors);
        Assert.Equal("<p>Hello, world!</p>", first.Info.Summary);
    }

    [Fact]
    public void JsonFeed10AuthorObject()
    {
        var feed =
            Parse("""{"version":"https://jsonfeed.org/version/1","title":"T","items":[{"id":"x","url":"https://e.org/x","author":{"name":"Solo"}}]}""");
        Assert.Equal("json1", feed.Version);
        Assert.Equal(["Solo"], feed.Items[0].Info.Authors);
    }

    [Fact]
    public void MalformedJsonIsAFormatError()
    {
        var ex = Assert.Throws<FeedFormatException>(() => Parse("""{"version":"https://jsonfeed.org/version/1", "items": [ """));
        Assert.Contains("Malformed JSON", ex.Message);
    }

    [Fact]
    public void JsonThatIsNotAFeedIsRefused() =>
        Assert.Throws<FeedFormatException>(() => Parse("""{"hello":"world"}"""));
}
