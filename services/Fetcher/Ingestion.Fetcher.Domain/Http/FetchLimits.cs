namespace Ingestion.Fetcher.Domain.Http;

/// <summary>What one fetch may cost and where it may go.</summary>
public sealed class FetchLimits
{
    /// <summary>Whole-fetch time limit: every redirect hop and the body read together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest body accepted, counted after decompression.</summary>
    public long MaxBodyBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Redirects followed before giving up.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Allow connecting to 127.0.0.0/8 and ::1 (tests, a local source). Off in production.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Allow RFC 1918, unique-local, link-local and carrier-grade NAT addresses (an intranet source). Off by default.</summary>
    public bool AllowPrivate { get; init; }

    public string UserAgent { get; init; } = "IngestionBot/0.1 (+https://github.com/ingestion)";
}
