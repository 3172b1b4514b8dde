using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>
/// A small news site on 127.0.0.1 for feed tests: serves a feed (with an ETag, answering 304 to a matching
/// If-None-Match) and HTML pages, and records every request.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Dictionary<string, (string ContentType, byte[] Body)> pages = new();
    readonly Task loop;

    public LocalSite()
    {
        var port = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Path, int Status, string? IfNoneMatch)> Requests { get; } = new();

    public void Add(string path, string contentType, string body)
    {
        lock (pages) pages[path] = (contentType, Encoding.UTF8.GetBytes(body));
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = ctx.Request.Url!.AbsolutePath;
            var ifNoneMatch = ctx.Request.Headers["If-None-Match"];
            (string ContentType, byte[] Body) page;
            bool found;
            lock (pages) found = pages.TryGetValue(path, out page);
            var etag = found ? "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(page.Body))[..16] + "\"" : null;
            var status = !found ? 404 : ifNoneMatch == etag ? 304 : 200;
            Requests.Enqueue((path, status, ifNoneMatch));
            ctx.Response.StatusCode = status;
            if (etag is not null) ctx.Response.Headers["ETag"] = etag;
            if (status == 200)
            {
                ctx.Response.ContentType = page.ContentType;
                await ctx.Response.OutputStream.WriteAsync(page.Body);
            }
            ctx.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
