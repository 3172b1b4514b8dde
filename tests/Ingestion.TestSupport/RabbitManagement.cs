using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ingestion.TestSupport;

/// <summary>A queue as the management API reports it (its figures are refreshed every 5 s).</summary>
public sealed record QueueState(long Messages, long Ready, long Unacknowledged, int Consumers);

/// <summary>A queue's declaration: its type (<c>classic</c>, <c>quorum</c>), arguments and node (a quorum queue's leader).</summary>
public sealed record QueueDeclaration(string Name, string Type, IReadOnlyDictionary<string, string> Arguments, string Node);

/// <summary>
/// The RabbitMQ management HTTP API (guest/guest): virtual hosts, queue depths and consumers, purging, and looking at
/// messages. Virtual host "/" unless named. Given the management ports of several nodes of a cluster, a request goes to
/// the first that answers (any node reports the whole cluster), so a node being down is not noticed.
/// </summary>
public sealed class RabbitManagement(string host, params int[] managementPorts) : IDisposable
{
    readonly HttpClient[] clients = managementPorts.Select(port => new HttpClient
    {
        BaseAddress = new Uri($"http://{host}:{port}/api/"),
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest"))) },
    }).ToArray();
    int current;

    /// <summary>Sends through the node that answered last, else the next ones; throws what the last one threw.</summary>
    async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken ct = default)
    {
        for (var tried = 1; ; tried++)
        {
            var index = current;
            try { return await send(clients[index]); }
            catch (Exception e) when (tried < clients.Length && !ct.IsCancellationRequested
                && e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.CompareExchange(ref current, (index + 1) % clients.Length, index);
            }
        }
    }

    static string Path(string vhost, string queue) => $"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}";

    public async Task CreateVirtualHostAsync(string vhost)
    {
        (await SendAsync(http => http.PutAsync($"vhosts/{Uri.EscapeDataString(vhost)}", null))).EnsureSuccessStatusCode();
        (await SendAsync(http => http.PutAsJsonAsync($"permissions/{Uri.EscapeDataString(vhost)}/guest",
            new { configure = ".*", write = ".*", read = ".*" }))).EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string vhost) =>
        await SendAsync(http => http.DeleteAsync($"vhosts/{Uri.EscapeDataString(vhost)}"));

    /// <summary>A queue's messages and consumers, or null when the queue does not exist.</summary>
    public async Task<QueueState?> QueueAsync(string queue, string vhost = "/", CancellationToken ct = default)
    {
        using var response = await SendAsync(http => http.GetAsync(Path(vhost, queue), ct), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        long Number(string name) => json.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
        return new QueueState(Number("messages"), Number("messages_ready"), Number("messages_unacknowledged"), (int)Number("consumers"));
    }

    /// <summary>Messages in a queue (ready and unacknowledged), or -1 when the queue does not exist.</summary>
    public async Task<long> MessageCountAsync(string vhost, string queue, CancellationToken ct = default) =>
        (await QueueAsync(queue, vhost, ct))?.Messages ?? -1;

    /// <summary>Polls <see cref="MessageCountAsync"/> every second until it gives <paramref name="expected"/>; returns the last
    /// figure.</summary>
    public async Task<long> WaitForMessagesAsync(string vhost, string queue, long expected, TimeSpan timeout,
        CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var messages = await MessageCountAsync(vhost, queue, ct);
        while (messages != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, ct);
            messages = await MessageCountAsync(vhost, queue, ct);
        }
        return messages;
    }

    /// <summary>Drops every ready message of a queue.</summary>
    public async Task PurgeAsync(string vhost, string queue) =>
        (await SendAsync(http => http.DeleteAsync(Path(vhost, queue) + "/contents"))).EnsureSuccessStatusCode();

    /// <summary>Takes up to <paramref name="count"/> messages of a queue; with <paramref name="requeue"/> they are put back (a look, not a
    /// take).</summary>
    public async Task<IReadOnlyList<JsonElement>> GetMessagesAsync(string vhost, string queue, int count, bool requeue = true)
    {
        var response = await SendAsync(http => http.PostAsJsonAsync(Path(vhost, queue) + "/get",
            new { count, ackmode = requeue ? "ack_requeue_true" : "ack_requeue_false", encoding = "auto" }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    /// <summary>Looks at up to <paramref name="count"/> messages of a queue without taking them (they are requeued).</summary>
    public Task<IReadOnlyList<JsonElement>> PeekAsync(string vhost, string queue, int count) => GetMessagesAsync(vhost, queue, count);

    /// <summary>Every queue of a virtual host as declared: type, arguments (as text) and node.</summary>
    public async Task<IReadOnlyList<QueueDeclaration>> QueuesAsync(string vhost = "/", CancellationToken ct = default)
    {
        using var response = await SendAsync(http => http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}", ct), ct);
        response.EnsureSuccessStatusCode();
        var queues = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";
        return queues.EnumerateArray().Select(q => new QueueDeclaration(Text(q, "name"), Text(q, "type"),
            q.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Object
                ? args.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.ToString())
                : new Dictionary<string, string>(),
            Text(q, "node"))).ToList();
    }

    /// <summary>The consumers of a virtual host as the channels holding them report them (not a queue's consumer count,
    /// which a quorum queue's leader keeps and which may lag or go wrong after a failover): queue and the connection of the
    /// consumer's channel (client address and port, so one per process and endpoint).</summary>
    public async Task<IReadOnlyList<(string Queue, string Connection)>> ConsumersAsync(string vhost = "/", CancellationToken ct = default)
    {
        using var response = await SendAsync(http => http.GetAsync($"consumers/{Uri.EscapeDataString(vhost)}", ct), ct);
        response.EnsureSuccessStatusCode();
        var consumers = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        static string Text(JsonElement e, string property, string name) =>
            e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty(name, out var n)
                ? n.ToString() : "";
        return consumers.EnumerateArray().Select(c => (Text(c, "queue", "name"), Text(c, "channel_details", "connection_name")))
            .ToList();
    }

    public void Dispose()
    {
        foreach (var client in clients) client.Dispose();
    }
}
