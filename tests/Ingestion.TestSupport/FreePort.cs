using System.Net;
using System.Net.Sockets;

namespace Ingestion.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999 by default). A server stopped and started again on an ephemeral port can
    // find it taken meanwhile: a client reconnecting to 127.0.0.1:P while nothing listens may be given P as its own port
    // and connect to itself (TCP self-connect), and the server's bind then fails with EADDRINUSE.
    const int First = 20000, Last = 32000;
    static int next = First + Random.Shared.Next(Last - First);

    /// <summary>A TCP port on 127.0.0.1, outside the ephemeral range, that nothing listens on right now.</summary>
    public static int Next()
    {
        for (var tries = 0; tries < Last - First; tries++)
        {
            var port = First + (Interlocked.Increment(ref next) - First) % (Last - First);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException($"No free port on 127.0.0.1 between {First} and {Last}.");
    }
}
