using System.Net;
using System.Net.Sockets;

namespace Ingestion.TestSupport;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999 by default). A server stopped and started again on an ephemeral port can
    // find it taken meanwhile: a client reconnecting to 127.0.0.1:P while nothing listens may be given P as its own port
    // and connect to itself (TCP self-connect), or any outgoing connection may be given P. rabbitmq.sh also takes
    // AMQP_PORT + 20000 for the node's Erlang distribution port, so the range ends where that one stays below it too.
    const int First = 10000, Last = 12700;
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
