namespace Ingestion.Fetcher.Sources;

/// <summary>A feed answered with a status other than 2xx/304; <see cref="RetryAfter"/> carries its Retry-After (429/503).</summary>
public sealed class FeedHttpException(int statusCode, string url, TimeSpan? retryAfter)
    : HttpRequestException($"HTTP {statusCode} from {url}" + (retryAfter is { } r ? $" (Retry-After {r.TotalSeconds:0} s)" : ""))
{
    public int Status { get; } = statusCode;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The host's robots.txt disallows the feed URL for our user agent.</summary>
public sealed class RobotsDisallowedException(string url, string? robotsProblem = null)
    : Exception($"robots.txt disallows {url}"
        + (robotsProblem is null ? "" : $" (its robots.txt could not be read, which disallows everything for a while: {robotsProblem})"));
