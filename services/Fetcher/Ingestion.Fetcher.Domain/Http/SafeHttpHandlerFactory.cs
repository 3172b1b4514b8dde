using System.Net;
using System.Net.Sockets;

namespace Ingestion.Fetcher.Domain.Http;

/// <summary>
/// Builds the HTTP handler every fetch goes through. Its ConnectCallback resolves the host itself, classifies every
/// address it resolved to (<see cref="AddressClassifier"/>), and connects only to allowed ones; when none is allowed it
/// throws <see cref="AddressRefusedException"/> before any socket is opened. Because the check sits at connect time,
/// it also covers redirects and DNS answers that change between checks. No proxy is used (a proxy would connect for us
/// and bypass the check), redirects are not followed by the handler (<see cref="PageDownloader"/> follows them, one
/// guarded request per hop), and gzip, deflate and brotli are decompressed.
/// </summary>
public sealed class SafeHttpHandlerFactory
{
    public static SocketsHttpHandler Create(FetchLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = limits.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, limits, ct),
        };
    }

    /// <summary>A client over <see cref="Create"/> with no timeout of its own (<see cref="PageDownloader"/> applies <see
    /// cref="FetchLimits.Timeout"/>).</summary>
    public static HttpClient CreateClient(FetchLimits limits) =>
        new(Create(limits), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    internal static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, FetchLimits limits, CancellationToken ct)
    {
        var host = endPoint.Host;
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        var addresses = IPAddress.TryParse(literal, out var ip)
            ? [ip]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);

        var allowed = new List<IPAddress>();
        var refused = new List<(IPAddress, AddressClass)>();
        foreach (var address in addresses)
        {
            var addressClass = AddressClassifier.Classify(address);
            if (AddressClassifier.IsAllowed(addressClass, limits)) allowed.Add(address);
            else refused.Add((address, addressClass));
        }
        if (allowed.Count == 0) throw new AddressRefusedException(host, refused);

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
