namespace Ingestion.Fetcher.Domain.Http;

/// <summary>The outcome of one (possibly redirected) GET.</summary>
/// <param name="RequestedUrl">The URL asked for.</param>
/// <param name="FinalUrl">The URL of the last hop; equal to <paramref name="RequestedUrl"/> when there were no redirects.</param>
/// <param name="StatusCode">Status of the last response (304 when the conditional GET found no change).</param>
/// <param name="ContentType">Media type without parameters, lower-case; <c>application/octet-stream</c> when the server gave none.</param>
/// <param name="Charset">The Content-Type's charset parameter, or null.</param>
/// <param name="Body">The body, decompressed; empty for 304.</param>
/// <param name="ETag">The entity tag to send back as If-None-Match next time, as the server wrote it.</param>
/// <param name="LastModified">Last-Modified, to send back as If-Modified-Since next time.</param>
/// <param name="RetryAfter">Retry-After as a delay (from seconds or a date), for 429/503.</param>
public sealed record PageResponse(
    string RequestedUrl,
    string FinalUrl,
    int StatusCode,
    string ContentType,
    string? Charset,
    byte[] Body,
    string? ETag,
    DateTimeOffset? LastModified,
    TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool NotModified => StatusCode == 304;

    /// <summary>The redirect chain after the requested URL, in order (empty when there were none).</summary>
    public IReadOnlyList<string> Redirects { get; init; } = [];

    /// <summary>How long the server says the response stays fresh (Cache-Control max-age, or Expires minus Date), or null.</summary>
    public TimeSpan? FreshFor { get; init; }
}
