namespace Ingestion.Hosting;

/// <summary>Who a service is: its name (used for telemetry, logs and its database schema).</summary>
/// <param name="Name">Short lower-case name: fetcher, cleaner, enricher, indexer.</param>
public sealed record ServiceInfo(string Name)
{
    /// <summary>Name of the service's own ActivitySource and Meter, e.g. <c>Ingestion.Cleaner</c>.</summary>
    public string TelemetryName => "Ingestion." + char.ToUpperInvariant(Name[0]) + Name[1..];
}
