using System.Net;
using System.Net.Http.Headers;

namespace Ingestion.Fetcher.Domain.Http;

/// <summary>
/// GETs a page through a client built on <see cref="SafeHttpHandlerFactory"/>: http and https only; redirects followed
/// here, each hop a new guarded request, up to <see cref="FetchLimits.MaxRedirects"/>; conditional GET
/// (If-None-Match / If-Modified-Since); the body read up to <see cref="FetchLimits.MaxBodyBytes"/> after decompression;
/// the whole fetch bounded by <see cref="FetchLimits.Timeout"/> (then <see cref="TimeoutException"/>).
/// Non-success statuses are returned, not thrown: the caller decides.
/// </summary>
public sealed class PageDownloader(HttpClient client, FetchLimits limits)
{
    private static readonly HashSet<HttpStatusCode> RedirectStatuses =
    [
        HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect,
    ];

    public async Task<PageResponse> GetAsync(string url, string? etag = null, DateTimeOffset? lastModified = null,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var current = CheckUrl(url.Trim(), url);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.Timeout);
        var redirects = new List<string>();
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", limits.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "*/*");
                if (!string.IsNullOrWhiteSpace(etag)) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.IfModifiedSince = lastModified;

                using var response = await SendAsync(request, timeout.Token).ConfigureAwait(false);

                if (RedirectStatuses.Contains(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= limits.MaxRedirects) throw new TooManyRedirectsException(url, limits.MaxRedirects);
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    current = CheckUrl(next.AbsoluteUri, url);
                    redirects.Add(current.AbsoluteUri);
                    continue;
                }

                var body = response.StatusCode == HttpStatusCode.NotModified
                    ? []
                    : await ReadBodyAsync(response, current.AbsoluteUri, timeout.Token).ConfigureAwait(false);
                var contentType = response.Content.Headers.ContentType;
                return new PageResponse(
                    RequestedUrl: url,
                    FinalUrl: redirects.Count == 0 ? url : current.AbsoluteUri,
                    StatusCode: (int)response.StatusCode,
                    ContentType: string.IsNullOrWhiteSpace(contentType?.MediaType) ? "application/octet-stream"
                        : contentType.MediaType.ToLowerInvariant(),
                    Charset: string.IsNullOrWhiteSpace(contentType?.CharSet) ? null : contentType.CharSet.Trim('"', '\'', ' '),
                    Body: body,
                    ETag: response.Headers.ETag?.ToString(),
                    LastModified: response.Content.Headers.LastModified,
                    RetryAfter: RetryAfterOf(response))
                {
                    Redirects = redirects,
                    FreshFor = FreshnessOf(response),
                };
            }
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Fetching '{url}' took longer than {limits.Timeout.TotalSeconds:0.###} s.", ex);
        }
    }

    /// <summary>How long the response may be cached: Cache-Control max-age (s-maxage ignored), else Expires minus Date.</summary>
    private static TimeSpan? FreshnessOf(HttpResponseMessage response)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge) return maxAge;
        if (response.Content.Headers.Expires is { } expires)
        {
            var date = response.Headers.Date ?? DateTimeOffset.UtcNow;
            return expires > date ? expires - date : TimeSpan.Zero;
        }
        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (FindInner<FetchException>(ex) is { } refused)
        {
            throw refused;
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, string url, CancellationToken ct)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > limits.MaxBodyBytes) throw new BodyTooLargeException(url, limits.MaxBodyBytes);

        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream(declared is > 0 ? (int)Math.Min(declared.Value, limits.MaxBodyBytes) : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limits.MaxBodyBytes) throw new BodyTooLargeException(url, limits.MaxBodyBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Uri CheckUrl(string candidate, string original)
    {
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || !candidate.Contains("://", StringComparison.Ordinal))
            throw new UrlRefusedException(candidate, "not an absolute URL");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new UrlRefusedException(candidate, $"scheme '{uri.Scheme}' is not http or https"
                + (candidate == original ? "" : $" (redirected from '{original}')"));
        return uri;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var retry = response.Headers.RetryAfter;
        if (retry is null) return null;
        if (retry.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retry.Date is { } date)
        {
            var now = response.Headers.Date ?? DateTimeOffset.UtcNow;
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    private static T? FindInner<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
            if (e is T match) return match;
        return null;
    }
}
