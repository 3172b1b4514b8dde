using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingestion.Fetcher.Tests.Http;

/// <summary>A request as the test server saw it.</summary>
internal sealed record TestRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>A raw response: status line, headers and body written exactly as given.</summary>
internal sealed record TestResponse(int Status, string Reason, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public TimeSpan Delay { get; init; }

    /// <summary>Do not add a Content-Length header (for a chunked body written by hand).</summary>
    public bool OmitContentLength { get; init; }

    public static TestResponse Text(string body, string contentType = "text/plain; charset=utf-8", params (string, string)[] headers) =>
        new(200, "OK", [("Content-Type", contentType), .. headers], Encoding.UTF8.GetBytes(body));
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, with hand-written responses, one request per connection.
/// Counts accepted connections, so a test can prove that no connection was made.
/// </summary>
internal sealed class TestHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<TestRequest, TestResponse> handler;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int connections;

    public TestHttpServer(Func<TestRequest, TestResponse> handler)
    {
        this.handler = handler;
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public int Connections => Volatile.Read(ref connections);

    public ConcurrentQueue<TestRequest> Requests { get; } = new();

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null) return;
                var lines = head.Split("\r\n");
                var parts = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':');
                    if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
                var request = new TestRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers);
                Requests.Enqueue(request);
                var response = handler(request);
                if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, stop.Token);

                var sb = new StringBuilder();
                sb.Append($"HTTP/1.1 {response.Status} {response.Reason}\r\n");
                foreach (var (name, value) in response.Headers) sb.Append($"{name}: {value}\r\n");
                if (!response.OmitContentLength
                    && !response.Headers.Any(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                    sb.Append($"Content-Length: {response.Body.Length}\r\n");
                sb.Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(sb.ToString()), stop.Token);
                await stream.WriteAsync(response.Body, stop.Token);
                await stream.FlushAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>(1024);
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            var read = await stream.ReadAsync(one);
            if (read == 0) return null;
            buffer.Add(one[0]);
            var n = buffer.Count;
            if (n >= 4 && buffer[n - 4] == '\r' && buffer[n - 3] == '\n' && buffer[n - 2] == '\r' && buffer[n - 1] == '\n')
                return Encoding.ASCII.GetString(buffer.ToArray(), 0, n - 4);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await loop; } catch (OperationCanceledException) { }
        stop.Dispose();
    }
}
