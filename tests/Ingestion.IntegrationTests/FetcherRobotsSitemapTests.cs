using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The sitemaps a feed's host names in its robots.txt become sources of their own: the fetcher polls them and
/// fetches their pages. A sitemap on another host named there is not added (and not contacted). Only 127.0.0.1 is contacted.</summary>
[Collection(ServersCollection.Name)]
public sealed class FetcherRobotsSitemapTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Sitemap_lines_of_robots_txt_become_sitemap_sources()
    {
        await using var site = new LocalSite();
        site.Add("/robots.txt", "text/plain", $"""
            User-agent: *
            Disallow: /private/

            Sitemap: {site.BaseUrl}/news-sitemap.xml
            Sitemap: https://elsewhere.invalid/sitemap.xml
            """);
        site.Add("/feed.rss", "application/rss+xml", $"""
            <rss version="2.0"><channel><title>Courier</title><link>{site.BaseUrl}/</link>
            <item><title>From the feed</title><link>{site.BaseUrl}/a.html</link></item></channel></rss>
            """);
        site.Add("/news-sitemap.xml", "application/xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{site.BaseUrl}/b.html</loc><news:news><news:publication><news:name>Courier</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2024-03-04T09:30:00Z</news:publication_date><news:title>Only in the sitemap</news:title></news:news></url>
              <url><loc>{site.BaseUrl}/private/c.html</loc></url>
            </urlset>
            """);
        site.Add("/a.html", "text/html", "<html><body><p>A.</p></body></html>");
        site.Add("/b.html", "text/html", "<html><body><p>B.</p></body></html>");
        site.Add("/private/c.html", "text/html", "<html><body><p>C.</p></body></html>");

        await using var pipeline = await TestPipeline.CreateAsync(servers, "fetchersitemaps");
        try
        {
            await pipeline.StartServiceAsync("Fetcher", new Dictionary<string, string>
            {
                ["Fetcher__Feeds__0__Url"] = site.BaseUrl + "/feed.rss",
                ["Fetcher__Feeds__0__Name"] = "Courier",
                ["Fetcher__HostMinDelayMs"] = "0",
            });

            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from fetcher.pages") == 2,
                TimeSpan.FromSeconds(45), "the feed's page and the robots.txt sitemap's page fetched");

            await using var db = pipeline.OpenDb();
            var feeds = (await db.QueryAsync<(string Url, string Name,
                string? Kind)>("select url, name, kind from fetcher.feeds order by url")).ToList();
            output.WriteLine(string.Join("\n", feeds));
            Assert.Equal([site.BaseUrl + "/feed.rss", site.BaseUrl + "/news-sitemap.xml"], feeds.Select(f => f.Url));
            var sitemap = feeds[1];
            Assert.Equal("sitemap", sitemap.Kind);
            Assert.Contains("robots.txt", sitemap.Name);
            var pages = (await db.QueryAsync<(string Url,
                string SourceKind)>("select url, source_kind from fetcher.pages order by url")).ToList();
            Assert.Equal([(site.BaseUrl + "/a.html", "rss"), (site.BaseUrl + "/b.html", "sitemap")], pages);
            Assert.Equal(0, site.Count("/private/c.html"));
            Assert.Equal(1, site.Count("/robots.txt"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
