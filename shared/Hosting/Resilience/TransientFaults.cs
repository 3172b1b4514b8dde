using System.Net.Sockets;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Ingestion.Hosting.Resilience;

/// <summary>
/// The one place that decides whether a failure means "a dependency is away, wait for it" or "this message (or this
/// code) is wrong". Transient: PostgreSQL unreachable, restarting, shutting down, out of connections, a read-only
/// standby after a failover, timeouts, serialization failures and deadlocks; the broker unreachable, a lost connection
/// or channel, a publish the broker did not confirm, a message no queue takes yet (the next stage is not deployed). Everything else —
/// a value the database refuses, a body that cannot be read, a bug — is the message's own fault.
/// </summary>
public static class TransientFaults
{
    /// <summary>
    /// SQL states that name a passing condition of the server rather than of the statement: connection exceptions (08),
    /// insufficient resources (53), operator intervention (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot
    /// connect now, 57014 a statement timeout or cancel), system errors (58), a read-only transaction on a standby
    /// (25006), serialization failure (40001), deadlock (40P01), lock not available (55P03).
    /// </summary>
    static readonly string[] TransientStates = ["25006", "40001", "40P01", "55P03", "55006", "57014", "57P01", "57P02", "57P03", "57P04",
        "57P05"];
    static readonly string[] TransientClasses = ["08", "53", "58"];

    /// <summary>The dependency whose absence caused <paramref name="error"/>, or null when the failure is not transient.</summary>
    public static Dependency? Of(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions)
                        if (Of(inner) is { } found) return found;
                    return null;
                case PostgresException pg:
                    return IsTransientState(pg.SqlState) ? Dependency.Postgres : null;
                case NpgsqlException npgsql:
                    // Not a server error: the connection failed, broke or timed out (Npgsql says which are transient).
                    return npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException
                        ? Dependency.Postgres : null;
                case BrokerUnreachableException or ConnectFailureException:
                    return Dependency.Broker;
                case OperationInterruptedException interrupted: // AlreadyClosedException too
                    // A channel or connection closed: 320 connection forced (a node stopping), 541 internal error, or
                    // closed by the library after a network failure (the initiator is not the broker) are passing;
                    // 404 not found or 406 precondition failed, sent by the broker, are the caller's fault.
                    return interrupted.ShutdownReason is not { Initiator: ShutdownInitiator.Peer } reason
                        || reason.ReplyCode is 320 or 541 or 0 ? Dependency.Broker : null;
                case RabbitMqConnectionException or ConnectionException or TransportUnavailableException or MessageNotAcknowledgedException
                    or MessageReturnedException:
                    return Dependency.Broker;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="error"/> should be waited out rather than count against the message.</summary>
    public static bool IsTransient(Exception? error) => Of(error) is not null;

    /// <summary>True for SQL states that name a passing condition of the server (see <see cref="TransientStates"/>).</summary>
    public static bool IsTransientState(string? sqlState) =>
        sqlState is { Length: 5 } && (TransientStates.Contains(sqlState) || TransientClasses.Contains(sqlState[..2]));
}
