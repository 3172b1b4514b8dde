using System.Net;

namespace Ingestion.Fetcher.Domain.Http;

/// <summary>A fetch was refused or abandoned by the fetcher's own rules (not an HTTP error status).</summary>
public abstract class FetchException : Exception
{
    protected FetchException(string message) : base(message) { }

    protected FetchException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>Every address the host resolved to is one we may not connect to (loopback, private, link-local, ...).
/// Thrown before any connection is opened.</summary>
public sealed class AddressRefusedException : FetchException
{
    public AddressRefusedException(string host, IReadOnlyList<(IPAddress Address, AddressClass Class)> refused)
        : base($"Refused to connect to '{host}': " + (refused.Count == 0
            ? "it resolved to no address."
            : string.Join(", ", refused.Select(r => $"{r.Address} is {r.Class}")) + " (not allowed by the fetch limits)."))
    {
        Host = host;
        Refused = refused;
    }

    public string Host { get; }

    public IReadOnlyList<(IPAddress Address, AddressClass Class)> Refused { get; }
}

/// <summary>The body (after decompression) is larger than <see cref="FetchLimits.MaxBodyBytes"/>.</summary>
public sealed class BodyTooLargeException(string url, long limit)
    : FetchException($"Body of '{url}' exceeds the limit of {limit:N0} bytes.")
{
    public string Url { get; } = url;

    public long Limit { get; } = limit;
}

/// <summary>More redirects than <see cref="FetchLimits.MaxRedirects"/>.</summary>
public sealed class TooManyRedirectsException(string url, int limit)
    : FetchException($"'{url}' redirected more than {limit} times.")
{
    public string Url { get; } = url;
}

/// <summary>The URL (or a redirect target) is not an absolute http or https URL.</summary>
public sealed class UrlRefusedException(string url, string reason)
    : FetchException($"Refused to fetch '{url}': {reason}.")
{
    public string Url { get; } = url;
}
