using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>The fetcher service against a local site that misbehaves: a redirect to a refused address, a body that
/// trickles, one that never ends, one over the size limit, a gzip bomb; and, with loopback not allowed, a feed it must
/// not even connect to. Only 127.0.0.1 is contacted (the refused redirect target, 0.0.0.0, would reach this same machine
/// if the guard let it through, which the site would record).</summary>
[Collection(ServersCollection.Name)]
public sealed class FetcherLimitsTests(LocalServers servers, ITestOutputHelper output)
{
    const int MaxPageBytes = 256 * 1024;

    [Fact]
    public async Task Refused_redirects_slow_endless_oversize_and_bomb_bodies_are_rejected_and_the_rest_fetched()
    {
        await using var site = new LocalSite();
        var port = new Uri(site.BaseUrl).Port;
        string[] paths = ["/ok.html", "/redirect.html", "/slow.html", "/endless.html", "/big.html", "/bomb.html"];
        var feed = $"""
            <rss version="2.0"><channel><title>Limits</title><link>{site.BaseUrl}/</link>
            {string.Concat(paths.Select(p => $"<item><title>{p}</title><link>{site.BaseUrl}{p}</link></item>"))}
            </channel></rss>
            """;
        site.Add("/feed.rss", "application/rss+xml; charset=utf-8", feed);
        site.Add("/ok.html", "text/html; charset=utf-8", "<html><body><p>A page within every limit.</p></body></html>");
        // 0.0.0.0 is "this host": a classic way around a guard that only knows 127.0.0.0/8. It is refused, loopback allowed or not.
        site.Set("/redirect.html", new SiteResponse(302, "text/html", null, ("Location", $"http://0.0.0.0:{port}/secret.html")));
        site.Set("/secret.html", new SiteResponse(200, "text/html", Encoding.UTF8.GetBytes("<p>internal</p>")));
        site.Set("/slow.html", new SiteResponse(200, "text/html") { Writer = Trickle });
        site.Set("/endless.html", new SiteResponse(200, "text/html") { Writer = Endless });
        site.Set("/big.html", new SiteResponse(200, "text/html", new byte[MaxPageBytes * 2]));
        site.Set("/bomb.html", new SiteResponse(200, "text/html", GzipOfZeros(64 * 1024 * 1024), ("Content-Encoding", "gzip")));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var pipeline = await TestPipeline.CreateAsync(servers, "fetcherlimits");
        try
        {
            // The indexer records rejections (ArticleRejected); no cleaner: fetched pages wait, recorded, for one.
            await pipeline.StartServiceAsync("Indexer");
            await pipeline.StartServiceAsync("Fetcher", new Dictionary<string, string>
            {
                ["Fetcher__Feeds__0__Url"] = site.BaseUrl + "/feed.rss",
                ["Fetcher__Feeds__0__Name"] = "Limits",
                ["Fetcher__HostMinDelayMs"] = "0",
                ["Fetcher__MaxPageAttempts"] = "1",
                ["Fetcher__TimeoutSeconds"] = "3",
                ["Fetcher__MaxPageBytes"] = MaxPageBytes.ToString(),
            });

            output.WriteLine($"services started after {clock.Elapsed.TotalSeconds:0.0} s");
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.rejections") == 5,
                TimeSpan.FromSeconds(45), "five pages rejected");
            output.WriteLine($"five pages rejected after {clock.Elapsed.TotalSeconds:0.0} s");

            await using var db = pipeline.OpenDb();
            var pages = (await db.QueryAsync<string>("select url from fetcher.pages")).ToList();
            Assert.Equal([site.BaseUrl + "/ok.html"], pages);
            var reasons = (await db.QueryAsync<(string Url, string Reason)>("select url, reason from indexer.rejections"))
                .ToDictionary(r => r.Url[site.BaseUrl.Length..], r => r.Reason);
            output.WriteLine(string.Join("\n", reasons));
            Assert.Equal("address-refused", reasons["/redirect.html"]);
            Assert.Equal("http-error", reasons["/slow.html"]);      // the 3 s timeout
            Assert.Equal("too-large", reasons["/endless.html"]);    // cut at MaxPageBytes, not read for ever
            Assert.Equal("too-large", reasons["/big.html"]);
            Assert.Equal("too-large", reasons["/bomb.html"]);       // the decompressed size counts
            var errors = (await db.QueryAsync<(string Url, string Error)>("select url, last_error from fetcher.fetch_failures"))
                .ToDictionary(r => r.Url[site.BaseUrl.Length..], r => r.Error);
            Assert.Contains("0.0.0.0", errors["/redirect.html"]);
            Assert.Contains("longer than 3", errors["/slow.html"]);
            Assert.Equal(0, site.Count("/secret.html"));
            Assert.Equal(1, site.Count("/bomb.html"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task Loopback_is_refused_when_not_allowed_without_connecting()
    {
        await using var site = new LocalSite();
        site.Add("/feed.rss", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Local</title></channel></rss>");

        await using var pipeline = await TestPipeline.CreateAsync(servers, "fetcherloopback");
        try
        {
            await pipeline.StartServiceAsync("Fetcher", new Dictionary<string, string> { ["Fetcher__AllowLoopback"] = "false" });
            var api = new HttpClient { BaseAddress = new Uri(pipeline.Processes["Fetcher"].BaseUrl) };

            var added = await api.PostAsJsonAsync("/feeds", new { url = site.BaseUrl + "/feed.rss" });
            var body = await added.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, added.StatusCode);
            Assert.Contains("127.0.0.1", body);
            Assert.Contains("refused", body, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(site.Requests);
            Assert.Equal(0, await pipeline.CountAsync("select count(*) from fetcher.feeds"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    /// <summary>A byte a second: never done within the fetcher's timeout.</summary>
    static async Task Trickle(Stream body, CancellationToken ct)
    {
        for (var i = 0; i < 60; i++)
        {
            await body.WriteAsync("<"u8.ToArray(), ct);
            await body.FlushAsync(ct);
            await Task.Delay(1000, ct);
        }
    }

    /// <summary>A body with no end, written as fast as the fetcher reads it.</summary>
    static async Task Endless(Stream body, CancellationToken ct)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>more</p>", 1000)));
        while (true) await body.WriteAsync(chunk, ct);
    }

    /// <summary>A small gzip stream that inflates to <paramref name="size"/> zero bytes.</summary>
    static byte[] GzipOfZeros(int size)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < size; written += zeros.Length) gzip.Write(zeros);
        }
        return buffer.ToArray();
    }
}
