using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>One scripted answer of <see cref="LocalSite"/>.</summary>
public sealed record SiteResponse(int Status, string? ContentType = null, byte[]? Body = null, params (string Name, string Value)[] Headers)
{
    /// <summary>Writes the body instead of <see cref="Body"/> (slow or endless bodies); cancelled when the site stops.</summary>
    public Func<Stream, CancellationToken, Task>? Writer { get; init; }
}

/// <summary>
/// A small site on 127.0.0.1 for fetcher tests: every path answers what the test scripted (status, headers, bytes),
/// a response with an ETag answers 304 to a matching If-None-Match, unknown paths answer 404, and every request is recorded.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly ConcurrentDictionary<string, SiteResponse> responses = new();
    readonly CancellationTokenSource stopping = new();
    readonly ConcurrentDictionary<Task, bool> answering = new();
    readonly Task loop;

    public LocalSite()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Path, int Status, string? IfNoneMatch)> Requests { get; } = new();

    public void Set(string path, SiteResponse response) => responses[path] = response;

    /// <summary>A page with an ETag derived from its content, so that conditional requests get 304.</summary>
    public void Add(string path, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Set(path, new SiteResponse(200, contentType, bytes, ("ETag", "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"")));
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            // Each request is answered on its own, so that a slow body does not hold up the others.
            var answer = AnswerAsync(ctx);
            answering[answer] = true;
            _ = answer.ContinueWith(t => answering.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    async Task AnswerAsync(HttpListenerContext ctx)
    {
        var path = ctx.Request.Url!.AbsolutePath;
        var ifNoneMatch = ctx.Request.Headers["If-None-Match"];
        var r = responses.TryGetValue(path, out var found) ? found : new SiteResponse(404);
        var etag = r.Headers.FirstOrDefault(h => h.Name == "ETag").Value;
        var status = r.Status == 200 && etag is not null && ifNoneMatch == etag ? 304 : r.Status;
        Requests.Enqueue((path, status, ifNoneMatch));
        try
        {
            ctx.Response.StatusCode = status;
            foreach (var (name, value) in r.Headers) ctx.Response.Headers[name] = value;
            if (status != 304 && r.ContentType is not null) ctx.Response.ContentType = r.ContentType;
            if (status != 304 && r.Writer is { } writer)
            {
                ctx.Response.SendChunked = true;
                await writer(ctx.Response.OutputStream, stopping.Token);
            }
            else if (status != 304 && r.Body is { Length: > 0 } body)
            {
                await ctx.Response.OutputStream.WriteAsync(body);
            }
            ctx.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away, or the site is stopping
            try { ctx.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await loop;
        await Task.WhenAll(answering.Keys);
        listener.Close();
        stopping.Dispose();
    }
}
