using System.Globalization;

namespace Ingestion.Hosting.Messaging;

/// <summary>Where the broker is and how hard to retry. Section <c>RabbitMq</c>; local defaults.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    /// <summary>
    /// The nodes of a cluster, comma-separated <c>host[:port]</c> (a node without a port uses <see cref="Port"/>); empty:
    /// <see cref="Host"/> alone. A service connects to the first node that answers, and to the next one when its node goes.
    /// </summary>
    public string Hosts { get; set; } = "";
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    /// <summary>Immediate-ish retries (milliseconds between attempts) before a message goes to its <c>_error</c> queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000];
    /// <summary>How many messages a consumer takes at once.</summary>
    public ushort PrefetchCount { get; set; } = 16;
    /// <summary>How long a producer outside a message (the fetcher) waits for a publish before taking the broker as away.</summary>
    public int PublishTimeoutSeconds { get; set; } = 10;
    /// <summary>Use quorum queues (clustered deployments): every queue the services declare, error and skipped queues included.</summary>
    public bool QuorumQueues { get; set; }
    /// <summary>
    /// With <see cref="QuorumQueues"/>: how many times a quorum queue hands out a message that comes back unacknowledged
    /// (a consumer killed, a connection lost) before it dead-letters it to the queue's <c>_error</c> queue. Explicit, so
    /// the broker's own default (none on RabbitMQ 3.x, 20 and then dropped on 4.x) never applies.
    /// </summary>
    public int DeliveryLimit { get; set; } = 20;

    /// <summary>The broker nodes to connect to, in order: <see cref="Hosts"/>, or <see cref="Host"/>:<see cref="Port"/>.</summary>
    public IReadOnlyList<string> Nodes()
    {
        var nodes = Hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Contains(':', StringComparison.Ordinal) ? n : $"{n}:{Port.ToString(CultureInfo.InvariantCulture)}")
            .ToList();
        return nodes.Count > 0 ? nodes : [$"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}"];
    }
}
