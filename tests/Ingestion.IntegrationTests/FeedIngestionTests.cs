using System.Net;
using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The fetcher polls a feed on a local site, fetches its articles once, and polls again conditionally.</summary>
[Collection(ServersCollection.Name)]
public sealed class FeedIngestionTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Feed_items_are_fetched_once_and_an_unchanged_feed_costs_a_304()
    {
        await using var site = new LocalSite();
        // The sample feed from seeds/, pointed at this site, without its 15-minute ttl so that the test sees a second poll.
        // Its third item's page does not exist (404).
        var feed = File.ReadAllText(Path.Combine(RepoPaths.Seeds, "sample-feed.rss"))
            .Replace("http://127.0.0.1:8000", site.BaseUrl).Replace("<ttl>15</ttl>", "");
        site.Add("/feed.rss", "application/rss+xml; charset=utf-8", feed);
        site.Add("/news/2024/03/04/swing-bridge-plan.html", "text/html; charset=utf-8",
            Page("Council approves plan to rebuild the old swing bridge", "bridge", "Maria Lindqvist"));
        site.Add("/news/2024/03/05/night-trains.html", "text/html; charset=utf-8",
            Page("Night trains return to the coast line in May", "train", "Tomasz Nowak"));

        await using var pipeline = await TestPipeline.CreateAsync(servers, "feed");
        try
        {
            await pipeline.StartAsync("Indexer", "Enricher", "Cleaner");
            await pipeline.StartServiceAsync("Fetcher", new Dictionary<string, string>
            {
                ["Fetcher__Feeds__0__Url"] = site.BaseUrl + "/feed.rss",
                ["Fetcher__Feeds__0__Name"] = "Courier",
                ["Fetcher__FeedPollSeconds"] = "1",
                ["Fetcher__MaxPageAttempts"] = "1",
            });

            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 2
                    && await pipeline.CountAsync("select count(*) from indexer.rejections") == 1,
                TimeSpan.FromSeconds(90), "two articles indexed and the missing page rejected");
            await pipeline.WaitUntilAsync(() => Task.FromResult(site.Requests.Any(r => r.Path == "/feed.rss" && r.Status == 304)),
                TimeSpan.FromSeconds(30), "a conditional poll answered 304");

            await using var db = pipeline.OpenDb();
            var bridge = await db.QuerySingleAsync<(string Title, string[] Authors, DateTime Published, string Source, string Url)>(
                "select title, authors, published, source, url from indexer.articles where title like 'Council%'");
            Assert.Equal(["Maria Lindqvist"], bridge.Authors);
            Assert.Equal(new DateTime(2024, 3, 4, 9, 30, 0), bridge.Published);
            Assert.Equal("Courier", bridge.Source);
            var rejection = await db.QuerySingleAsync<(string Stage, string Reason)>("select stage, reason from indexer.rejections");
            Assert.Equal(("fetcher", "http-error"), rejection);

            // Each article page was downloaded once, however many times the feed was polled.
            Assert.Equal(1, site.Requests.Count(r => r.Path == "/news/2024/03/04/swing-bridge-plan.html"));
            Assert.Equal(1, site.Requests.Count(r => r.Path == "/news/2024/03/05/night-trains.html"));
            Assert.Equal(2, await pipeline.CountAsync("select count(*) from fetcher.pages"));
            var feedRow = await db.QuerySingleAsync<(string? LastError, int ErrorCount, DateTime? LastSuccessAt)>(
                "select last_error, error_count, last_success_at from fetcher.feeds");
            Assert.Null(feedRow.LastError);
            Assert.NotNull(feedRow.LastSuccessAt);

            var status = await new HttpClient().GetAsync(pipeline.Processes["Fetcher"].BaseUrl + "/feeds");
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    static string Page(string title, string topic, string author)
    {
        var paragraphs = string.Join("\n", Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i} about the {topic}: officials in Harbour Town gave details of the timetable, the cost and the " +
            $"reasons for the decision, and residents asked questions about what the {topic} will mean for them in year {2024 + i}.</p>"));
        return $"""
            <!doctype html><html lang="en"><head><title>{title} | Harbour Town Courier</title>
            <meta name="author" content="{author}"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>{title}</h1><p class="byline">By {author}</p>{paragraphs}</article>
            <footer>Copyright Harbour Town Courier</footer></body></html>
            """;
    }
}
