using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>The RabbitMQ management HTTP API, for per-test virtual hosts and looking into queues.</summary>
public sealed class RabbitAdmin(LocalServers servers) : IDisposable
{
    readonly HttpClient http = new()
    {
        BaseAddress = new Uri($"http://{servers.RabbitHost}:{servers.RabbitManagementPort}/api/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest"))) },
    };

    public async Task CreateVirtualHostAsync(string vhost)
    {
        (await http.PutAsync($"vhosts/{Uri.EscapeDataString(vhost)}", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"permissions/{Uri.EscapeDataString(vhost)}/guest",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync(string vhost) => await http.DeleteAsync($"vhosts/{Uri.EscapeDataString(vhost)}");

    /// <summary>Messages ready in a queue, or -1 when the queue does not exist.</summary>
    public async Task<int> MessageCountAsync(string vhost, string queue)
    {
        var response = await http.GetAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        if (!response.IsSuccessStatusCode) return -1;
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0;
    }

    /// <summary>Looks at up to <paramref name="count"/> messages of a queue without taking them (they are requeued).</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekAsync(string vhost, string queue, int count)
    {
        var response = await http.PostAsJsonAsync($"queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    public void Dispose() => http.Dispose();
}
