using System.IO.Compression;
using System.Text;
using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Domain.Http;

namespace Ingestion.Fetcher.Tests.Http;

/// <summary>Every request here goes to a server on 127.0.0.1 started by the test.</summary>
public class PageDownloaderTests
{
    private static readonly FetchLimits Local = new() { AllowLoopback = true, Timeout = TimeSpan.FromSeconds(10) };

    private static PageDownloader Downloader(FetchLimits limits, out HttpClient client)
    {
        client = SafeHttpHandlerFactory.CreateClient(limits);
        return new PageDownloader(client, limits);
    }

    [Fact]
    public async Task OkWithCharsetAndValidators()
    {
        var body = Encoding.Latin1.GetBytes("<rss version=\"2.0\"><channel><title>Eins\u00e4tze</title></channel></rss>");
        await using var server = new TestHttpServer(_ => new TestResponse(200, "OK",
        [
            ("Content-Type", "application/rss+xml; charset=\"ISO-8859-1\""),
            ("ETag", "\"v1\""),
            ("Last-Modified", "Tue, 02 Jan 2024 10:00:00 GMT"),
        ], body));
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var page = await downloader.GetAsync(server.Url("/feed"));
            Assert.Equal(200, page.StatusCode);
            Assert.True(page.IsSuccess);
            Assert.Equal(server.Url("/feed"), page.RequestedUrl);
            Assert.Equal(server.Url("/feed"), page.FinalUrl);
            Assert.Equal("application/rss+xml", page.ContentType);
            Assert.Equal("ISO-8859-1", page.Charset);
            Assert.Equal(body, page.Body);
            Assert.Equal("\"v1\"", page.ETag);
            Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 0, 0, TimeSpan.Zero), page.LastModified);
            Assert.Null(page.RetryAfter);
            Assert.Equal("Einsätze", FeedParser.Parse(page.Body, page.ContentType, page.Charset, page.FinalUrl).Title);

            var request = Assert.Single(server.Requests);
            Assert.Equal("GET", request.Method);
            Assert.Equal(Local.UserAgent, request.Headers["User-Agent"]);
        }
    }

    [Fact]
    public async Task ConditionalGetReturns304WithEmptyBody()
    {
        await using var server = new TestHttpServer(r =>
            r.Headers.TryGetValue("If-None-Match", out var tag) && tag == "\"abc\""
                ? new TestResponse(304, "Not Modified", [("ETag", "\"abc\"")], [])
                : TestResponse.Text("fresh", "text/plain", ("ETag", "\"abc\""), ("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")));
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var first = await downloader.GetAsync(server.Url("/page"));
            Assert.Equal(200, first.StatusCode);
            var second = await downloader.GetAsync(server.Url("/page"), first.ETag, first.LastModified);
            Assert.Equal(304, second.StatusCode);
            Assert.True(second.NotModified);
            Assert.Empty(second.Body);

            var conditional = server.Requests.Last();
            Assert.Equal("\"abc\"", conditional.Headers["If-None-Match"]);
            Assert.Equal("Mon, 01 Jan 2024 00:00:00 GMT", conditional.Headers["If-Modified-Since"]);
        }
    }

    [Fact]
    public async Task FollowsRedirectChain()
    {
        TestHttpServer? self = null;
        await using var server = new TestHttpServer(r => r.Path switch
        {
            "/start" => new TestResponse(302, "Found", [("Location", "/middle?x=1")], []),
            "/middle?x=1" => new TestResponse(301, "Moved Permanently", [("Location", self!.Url("/final"))], []),
            "/final" => TestResponse.Text("arrived"),
            _ => new TestResponse(404, "Not Found", [], []),
        });
        self = server;
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var page = await downloader.GetAsync(server.Url("/start"));
            Assert.Equal(200, page.StatusCode);
            Assert.Equal("arrived", Encoding.UTF8.GetString(page.Body));
            Assert.Equal(server.Url("/start"), page.RequestedUrl);
            Assert.Equal(server.Url("/final"), page.FinalUrl);
            Assert.Equal([server.Url("/middle?x=1"), server.Url("/final")], page.Redirects);
            Assert.Equal(3, server.Requests.Count);
        }
    }

    [Fact]
    public async Task RedirectsAreLimited()
    {
        await using var server = new TestHttpServer(r =>
        {
            var n = int.Parse(r.Path.Split('/').Last());
            return new TestResponse(307, "Temporary Redirect", [("Location", $"/loop/{n + 1}")], []);
        });
        var limits = new FetchLimits { AllowLoopback = true, MaxRedirects = 3 };
        var downloader = Downloader(limits, out var client);
        using (client)
        {
            await Assert.ThrowsAsync<TooManyRedirectsException>(() => downloader.GetAsync(server.Url("/loop/0")));
            Assert.Equal(4, server.Requests.Count); // the first request and three redirects followed
        }
    }

    [Fact]
    public async Task RedirectToAnotherSchemeIsRefused()
    {
        await using var server = new TestHttpServer(_ => new TestResponse(302, "Found", [("Location", "file:///etc/passwd")], []));
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<UrlRefusedException>(() => downloader.GetAsync(server.Url("/")));
            Assert.Contains("file", ex.Message);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative")]
    public async Task OnlyHttpAndHttpsAreFetched(string url)
    {
        var downloader = Downloader(Local, out var client);
        using (client) await Assert.ThrowsAsync<UrlRefusedException>(() => downloader.GetAsync(url));
    }

    [Fact]
    public async Task BodyOverTheLimitIsRefused()
    {
        await using var server = new TestHttpServer(_ => new TestResponse(200, "OK", [("Content-Type", "text/html")], new byte[5000]));
        var limits = new FetchLimits { AllowLoopback = true, MaxBodyBytes = 1000 };
        var downloader = Downloader(limits, out var client);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<BodyTooLargeException>(() => downloader.GetAsync(server.Url("/big")));
            Assert.Equal(1000, ex.Limit);
        }
    }

    [Fact]
    public async Task BodyOverTheLimitWithoutContentLengthIsRefusedWhileReading()
    {
        await using var server = new TestHttpServer(_ => new TestResponse(200, "OK",
            [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], Chunked(new byte[5000])) { OmitContentLength = true });
        var limits = new FetchLimits { AllowLoopback = true, MaxBodyBytes = 1000 };
        var downloader = Downloader(limits, out var client);
        using (client) await Assert.ThrowsAsync<BodyTooLargeException>(() => downloader.GetAsync(server.Url("/chunked")));
    }

    [Fact]
    public async Task DecompressedSizeIsLimitedToo()
    {
        var compressed = Gzip(new byte[50_000]); // about 100 bytes on the wire
        await using var server = new TestHttpServer(_ =>
            new TestResponse(200, "OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], compressed));
        var limits = new FetchLimits { AllowLoopback = true, MaxBodyBytes = 10_000 };
        var downloader = Downloader(limits, out var client);
        using (client) await Assert.ThrowsAsync<BodyTooLargeException>(() => downloader.GetAsync(server.Url("/bomb")));
    }

    [Fact]
    public async Task GzipContentIsDecoded()
    {
        const string html = "<html><body><p>compressed page</p></body></html>";
        await using var server = new TestHttpServer(_ => new TestResponse(200, "OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], Gzip(Encoding.UTF8.GetBytes(html))));
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var page = await downloader.GetAsync(server.Url("/gz"));
            Assert.Equal(html, Encoding.UTF8.GetString(page.Body));
            Assert.Equal("utf-8", page.Charset);
            Assert.Contains("gzip", Assert.Single(server.Requests).Headers["Accept-Encoding"]);
        }
    }

    [Fact]
    public async Task LoopbackIsRefusedBeforeConnecting()
    {
        await using var server = new TestHttpServer(_ => TestResponse.Text("should never be served"));
        var limits = new FetchLimits(); // AllowLoopback = false
        var downloader = Downloader(limits, out var client);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<AddressRefusedException>(() => downloader.GetAsync(server.Url("/secret")));
            Assert.Equal("127.0.0.1", ex.Host);
            Assert.Equal(AddressClass.Loopback, Assert.Single(ex.Refused).Class);
            Assert.Contains("Loopback", ex.Message);

            var byName = await Assert.ThrowsAsync<AddressRefusedException>(() =>
                downloader.GetAsync($"http://localhost:{server.Port}/secret"));
            Assert.All(byName.Refused, r => Assert.Equal(AddressClass.Loopback, r.Class));

            await Task.Delay(200);
            Assert.Equal(0, server.Connections);
            Assert.Empty(server.Requests);
        }
    }

    [Fact]
    public async Task EachRedirectHopIsCheckedAtConnectTime()
    {
        // Both servers are on loopback, so one FetchLimits cannot tell them apart: the guard below applies the
        // production limits (loopback refused) to the redirect target's host, spelled as an IPv4-mapped IPv6 literal,
        // and the test limits to the first hop. The redirect must be refused without a connection to the target.
        await using var target = new TestHttpServer(_ => TestResponse.Text("internal"));
        await using var server = new TestHttpServer(_ =>
            new TestResponse(302, "Found", [("Location", $"http://[::ffff:127.0.0.1]:{target.Port}/")], []));
        var guarded = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = (ctx, ct) => ctx.DnsEndPoint.Host.Contains("ffff", StringComparison.OrdinalIgnoreCase)
                ? SafeHttpHandlerFactory.ConnectAsync(ctx.DnsEndPoint, new FetchLimits(), ct)
                : SafeHttpHandlerFactory.ConnectAsync(ctx.DnsEndPoint, Local, ct),
        };
        using var client = new HttpClient(guarded);
        var downloader = new PageDownloader(client, Local);
        var ex = await Assert.ThrowsAsync<AddressRefusedException>(() => downloader.GetAsync(server.Url("/")));
        Assert.Equal(AddressClass.Loopback, Assert.Single(ex.Refused).Class);
        Assert.Equal(0, target.Connections);
    }

    [Fact]
    public async Task TimeoutCoversTheWholeFetch()
    {
        await using var server = new TestHttpServer(_ => TestResponse.Text("late") with { Delay = TimeSpan.FromSeconds(5) });
        var limits = new FetchLimits { AllowLoopback = true, Timeout = TimeSpan.FromMilliseconds(300) };
        var downloader = Downloader(limits, out var client);
        using (client)
        {
            var started = DateTime.UtcNow;
            await Assert.ThrowsAsync<TimeoutException>(() => downloader.GetAsync(server.Url("/slow")));
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        }
    }

    [Fact]
    public async Task CallerCancellationIsNotATimeout()
    {
        await using var server = new TestHttpServer(_ => TestResponse.Text("late") with { Delay = TimeSpan.FromSeconds(5) });
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => downloader.GetAsync(server.Url("/slow"), ct: cts.Token));
        }
    }

    [Fact]
    public async Task ErrorStatusesAreReturnedWithRetryAfter()
    {
        await using var server = new TestHttpServer(_ =>
            new TestResponse(503, "Service Unavailable", [("Retry-After", "120")], "busy"u8.ToArray()));
        var downloader = Downloader(Local, out var client);
        using (client)
        {
            var page = await downloader.GetAsync(server.Url("/busy"));
            Assert.Equal(503, page.StatusCode);
            Assert.False(page.IsSuccess);
            Assert.Equal(TimeSpan.FromSeconds(120), page.RetryAfter);
            Assert.Equal("application/octet-stream", page.ContentType);
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return output.ToArray();
    }

    private static byte[] Chunked(byte[] data)
    {
        using var output = new MemoryStream();
        foreach (var chunk in data.Chunk(1000))
        {
            output.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            output.Write(chunk);
            output.Write("\r\n"u8);
        }
        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}
