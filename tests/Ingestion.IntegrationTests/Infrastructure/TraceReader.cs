using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ingestion.IntegrationTests.Infrastructure;

public sealed record Span(string Service, string SpanId, string? ParentSpanId, string Name);

/// <summary>Reads one trace's spans from the Aspire dashboard's API (<c>GET /api/telemetry/traces/{traceId}</c>).</summary>
public sealed class TraceReader(string dashboardUrl) : IDisposable
{
    readonly HttpClient http = new() { BaseAddress = new Uri(dashboardUrl), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<Span>> SpansAsync(string traceId)
    {
        var response = await http.GetAsync($"/api/telemetry/traces/{traceId}");
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var spans = new List<Span>();
        foreach (var resource in json.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .First(a => a.GetProperty("key").GetString() == "service.name")
                .GetProperty("value").GetProperty("stringValue").GetString()!;
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            foreach (var span in scope.GetProperty("spans").EnumerateArray())
                spans.Add(new Span(service, span.GetProperty("spanId").GetString()!,
                    span.TryGetProperty("parentSpanId", out var p) && p.GetString() is { Length: > 0 } parent ? parent : null,
                    span.GetProperty("name").GetString()!));
        }
        return spans;
    }

    public void Dispose() => http.Dispose();
}
