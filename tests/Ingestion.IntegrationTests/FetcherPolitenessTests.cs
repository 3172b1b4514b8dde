using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The fetcher against a local site whose home page announces its feed, that disallows a path in robots.txt,
/// rate-limits a feed with 429 + Retry-After, and serves a windows-1251 feed under a wrong "charset=utf-8" header.
/// Only 127.0.0.1 is contacted.</summary>
[Collection(ServersCollection.Name)]
public sealed class FetcherPolitenessTests(LocalServers servers, ITestOutputHelper output)
{
    static FetcherPolitenessTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Robots_disallow_retry_after_and_a_wrong_charset_are_handled()
    {
        await using var site = new LocalSite();
        site.Set("/robots.txt", new SiteResponse(200, "text/plain", Encoding.ASCII.GetBytes("User-agent: *\nDisallow: /private/\n")));
        var feed = $"""
            <?xml version="1.0" encoding="windows-1251"?>
            <rss version="2.0"><channel><title>Новости города</title><link>{site.BaseUrl}/</link>
            <item><title>Мост откроют весной</title><link>{site.BaseUrl}/news/bridge.html</link><pubDate>Mon, 04 Mar 2024 09:30:00 +0300</pubDate></item>
            <item><title>Закрытая статья</title><link>{site.BaseUrl}/private/secret.html</link></item>
            </channel></rss>
            """;
        site.Set("/feed.rss", new SiteResponse(200, "application/rss+xml; charset=utf-8", Encoding.GetEncoding(1251).GetBytes(feed)));
        site.Set("/news/bridge.html", new SiteResponse(200, "text/html; charset=utf-8",
            Encoding.UTF8.GetBytes("<html><head><title>Мост</title></head><body><p>Мост откроют весной.</p></body></html>")));
        site.Set("/private/secret.html", new SiteResponse(200, "text/html", Encoding.UTF8.GetBytes("<p>secret</p>")));
        site.Set("/index.html", new SiteResponse(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(
            "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.rss\"></head><body>home</body></html>")));
        site.Set("/limited.rss", new SiteResponse(429, "text/plain", Encoding.ASCII.GetBytes("slow down"), ("Retry-After", "3600")));

        await using var pipeline = await TestPipeline.CreateAsync(servers, "fetcherpolite");
        try
        {
            await pipeline.StartServiceAsync("Fetcher", new Dictionary<string, string>
            {
                ["Fetcher__Feeds__0__Url"] = site.BaseUrl + "/limited.rss",
                ["Fetcher__Feeds__0__Name"] = "Limited",
                ["Fetcher__FeedPollSeconds"] = "1",
                ["Fetcher__HostMinDelayMs"] = "0",
                ["Fetcher__MaxPageAttempts"] = "1",
            });
            var api = new HttpClient { BaseAddress = new Uri(pipeline.Processes["Fetcher"].BaseUrl) };

            // Adding the home page finds its feed (autodiscovery) and reads it: the Cyrillic title comes out right
            // although the header lied about the charset.
            var added = await api.PostAsJsonAsync("/feeds", new { url = site.BaseUrl + "/index.html" });
            var addedBody = await added.Content.ReadAsStringAsync();
            Assert.True(added.IsSuccessStatusCode, addedBody);
            var addedJson = JsonDocument.Parse(addedBody).RootElement;
            Assert.Equal(site.BaseUrl + "/feed.rss", addedJson.GetProperty("url").GetString());
            Assert.Equal("Новости города", addedJson.GetProperty("name").GetString());

            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from fetcher.pages") == 1,
                TimeSpan.FromSeconds(60), "the allowed article fetched");
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync(
                    "select count(*) from fetcher.poll_history where outcome = 'failed' and status = 429") >= 1,
                TimeSpan.FromSeconds(30), "the rate-limited poll recorded");

            Assert.Equal(0, site.Count("/private/secret.html"));
            Assert.Equal(1, site.Count("/news/bridge.html"));
            Assert.Equal(1, site.Count("/robots.txt"));

            await using var db = pipeline.OpenDb();
            var limited = await db.QuerySingleAsync<(int ErrorCount, string LastError, double WaitSeconds)>(
                "select error_count, last_error, extract(epoch from next_poll_at - now())::float8 from fetcher.feeds where name = 'Limited'");
            Assert.Equal(1, limited.ErrorCount);
            Assert.Contains("429", limited.LastError);
            Assert.InRange(limited.WaitSeconds, 3000, 3700);
            Assert.Equal(1, site.Count("/limited.rss"));

            var show = await api.GetFromJsonAsync<JsonElement>("/feeds/show?url=" + Uri.EscapeDataString(site.BaseUrl + "/limited.rss"));
            Assert.Equal("failed", show.GetProperty("recentPolls")[0].GetProperty("outcome").GetString());

            // Pause and remove through the API.
            var pause = await api.PostAsync("/feeds/pause?url=" + Uri.EscapeDataString(site.BaseUrl + "/feed.rss"), null);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, pause.StatusCode);
            Assert.Equal(1, await pipeline.CountAsync("select count(*) from fetcher.feeds where paused"));
            var remove = await api.DeleteAsync("/feeds?url=" + Uri.EscapeDataString(site.BaseUrl + "/limited.rss"));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, remove.StatusCode);
            Assert.Equal(0, await pipeline.CountAsync("select count(*) from fetcher.feeds where name = 'Limited'"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
