using System.Collections.Concurrent;
using System.Net;
using Ingestion.IntegrationTests.Infrastructure;

namespace Ingestion.IntegrationTests;

/// <summary>One scripted answer of <see cref="FetcherTestSite"/>.</summary>
public sealed record SiteResponse(int Status, string? ContentType = null, byte[]? Body = null, params (string Name, string Value)[] Headers);

/// <summary>A site on 127.0.0.1 whose every path answers what the test scripts (status, headers, bytes), recording requests.</summary>
public sealed class FetcherTestSite : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly ConcurrentDictionary<string, SiteResponse> responses = new();
    readonly Task loop;

    public FetcherTestSite()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<(string Path, int Status)> Requests { get; } = new();

    public void Set(string path, SiteResponse response) => responses[path] = response;

    public int Count(string path) => Requests.Count(r => r.Path == path);

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = ctx.Request.Url!.AbsolutePath;
            var r = responses.TryGetValue(path, out var found) ? found : new SiteResponse(404);
            Requests.Enqueue((path, r.Status));
            try
            {
                ctx.Response.StatusCode = r.Status;
                foreach (var (name, value) in r.Headers) ctx.Response.Headers[name] = value;
                if (r.ContentType is not null) ctx.Response.ContentType = r.ContentType;
                if (r.Body is { Length: > 0 } body) await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
            catch (HttpListenerException)
            {
                // the client went away
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
