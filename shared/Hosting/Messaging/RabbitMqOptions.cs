namespace Ingestion.Hosting.Messaging;

/// <summary>Where the broker is and how hard to retry. Section <c>RabbitMq</c>; local defaults.</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    /// <summary>Immediate-ish retries (milliseconds between attempts) before a message goes to its <c>_error</c> queue.</summary>
    public int[] RetryIntervalsMs { get; set; } = [100, 500, 2000];
    /// <summary>How many messages a consumer takes at once.</summary>
    public ushort PrefetchCount { get; set; } = 16;
    /// <summary>How long a producer outside a message (the fetcher) waits for a publish before taking the broker as away.</summary>
    public int PublishTimeoutSeconds { get; set; } = 10;
    /// <summary>Use quorum queues (clustered deployments).</summary>
    public bool QuorumQueues { get; set; }
}
