using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// A throwaway RabbitMQ node on 127.0.0.1 (deploy/local/rabbitmq.sh start DIR AMQP_PORT MGMT_PORT), its Erlang VM's pid
/// (DIR/rabbitmq.pid, written by the node), and queue lengths from the management HTTP API (guest/guest).
/// </summary>
public sealed class LocalRabbit(string script, string dir) : IDisposable
{
    public int AmqpPort { get; } = FreePort();
    public int ManagementPort { get; } = FreePort();

    readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task StartAsync()
    {
        await Shell(script, "start", dir, AmqpPort.ToString(CultureInfo.InvariantCulture), ManagementPort.ToString(CultureInfo.InvariantCulture));
        http.BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/api/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
    }

    public Task StopAsync() => Shell(script, "stop", dir);

    /// <summary>The node's Erlang VM (beam.smp), or null when it is not running.</summary>
    public int? NodePid => int.TryParse(TryRead(Path.Combine(dir, "rabbitmq.pid"))?.Trim(), out var pid) ? pid : null;

    /// <summary>
    /// Messages in a queue of vhost "/" (ready and unacknowledged), or -1 when the queue does not exist. The management API
    /// refreshes its figures every 5 s.
    /// </summary>
    public async Task<long> MessagesAsync(string queue, CancellationToken ct)
    {
        using var response = await http.GetAsync($"queues/%2F/{Uri.EscapeDataString(queue)}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return -1;
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return json.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
    }

    /// <summary>Polls <see cref="MessagesAsync"/> every second until it gives <paramref name="expected"/>; returns the last figure.</summary>
    public async Task<long> WaitForMessagesAsync(string queue, long expected, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        var messages = await MessagesAsync(queue, ct);
        while (messages != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, ct);
            messages = await MessagesAsync(queue, ct);
        }
        return messages;
    }

    static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }

    public void Dispose() => http.Dispose();
}
