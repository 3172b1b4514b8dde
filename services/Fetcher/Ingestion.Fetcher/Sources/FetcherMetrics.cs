using System.Diagnostics.Metrics;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Fetcher.Sources;

/// <summary>The fetcher's own instruments on the service's Meter: polls by outcome, items discovered, fetch latency
/// and bytes (by kind: feed, page, robots), and the per-host queue depth.</summary>
public sealed class FetcherMetrics
{
    public FetcherMetrics(ServiceTelemetry telemetry, HostGate gate)
    {
        Polls = telemetry.Meter.CreateCounter<long>("fetcher.polls", "{poll}",
            "Feed polls by outcome (new-items, no-new-items, unchanged, failed, robots-disallowed).");
        ItemsDiscovered = telemetry.Meter.CreateCounter<long>("fetcher.items.discovered", "{item}", "Feed items not seen before.");
        FetchDuration = telemetry.Meter.CreateHistogram<double>("fetcher.fetch.duration", "ms", "Time of one HTTP fetch, by kind.");
        FetchBytes = telemetry.Meter.CreateCounter<long>("fetcher.fetch.bytes", "By", "Bytes received (after decompression), by kind.");
        telemetry.Meter.CreateObservableGauge("fetcher.host.queue_depth",
            () => gate.QueueDepths().Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("host", d.Key))),
            "{request}", "Requests waiting for their host's politeness slot.");
    }

    public Counter<long> Polls { get; }
    public Counter<long> ItemsDiscovered { get; }
    public Histogram<double> FetchDuration { get; }
    public Counter<long> FetchBytes { get; }

    public void Fetched(string kind, double milliseconds, long bytes)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        FetchDuration.Record(milliseconds, tag);
        FetchBytes.Add(bytes, tag);
    }

    public void Polled(string outcome) => Polls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
