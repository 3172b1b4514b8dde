using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ingestion.Hosting.Telemetry;

/// <summary>The ActivitySource and Meter a service uses for its domain work, plus the per-stage metrics every stage records.</summary>
public sealed class ServiceTelemetry : IDisposable
{
    public ServiceTelemetry(ServiceInfo service)
    {
        Source = new ActivitySource(service.TelemetryName);
        Meter = new Meter(service.TelemetryName);
        Processed = Meter.CreateCounter<long>("ingestion.stage.processed", "{message}", "Messages a stage handled, by outcome.");
        Duration = Meter.CreateHistogram<double>("ingestion.stage.duration", "ms", "Time a stage spent on one message.");
        EndToEnd = Meter.CreateHistogram<double>("ingestion.end_to_end.duration", "ms",
            "Time from fetch to indexed, per article revision.");
    }

    public ActivitySource Source { get; }
    public Meter Meter { get; }
    public Counter<long> Processed { get; }
    public Histogram<double> Duration { get; }
    public Histogram<double> EndToEnd { get; }

    /// <summary>Counts one handled message with its outcome (e.g. <c>ok</c>, <c>rejected</c>, <c>duplicate</c>).</summary>
    public void Record(string outcome, double milliseconds)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        Processed.Add(1, tag);
        Duration.Record(milliseconds, tag);
    }

    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}
