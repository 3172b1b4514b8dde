using System.Text.Json;
using RabbitMQ.Client;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>
/// A subscriber's own durable queue bound to the <c>ArticleIndexed</c> exchange (declared as MassTransit declares it: the
/// message type's name, fanout, durable) before anything is indexed; read at the end to count the events received.
/// Against a cluster (several <paramref name="ports"/>) it is a quorum queue, reached through the first node up.
/// </summary>
public sealed class EventSubscriberQueue(string host, IReadOnlyList<int> ports, string queue)
{
    public const string Exchange = "Ingestion.Contracts:ArticleIndexed";

    public EventSubscriberQueue(string host, int port, string queue) : this(host, [port], queue) { }

    public string Queue => queue;

    static ConnectionFactory Factory => new() { UserName = "guest", Password = "guest" };

    Task<IConnection> ConnectAsync() => Factory.CreateConnectionAsync(ports.Select(p => new AmqpTcpEndpoint(host, p)).ToList());

    public async Task BindAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var arguments = ports.Count > 1 ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments);
        await channel.QueueBindAsync(queue, Exchange, "");
    }

    /// <summary>Takes every event in the queue: (event id, article id, revision) of each, duplicates included.</summary>
    public async Task<IReadOnlyList<(Guid EventId, string ArticleId, int Revision)>> DrainAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var events = new List<(Guid, string, int)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var doc = JsonDocument.Parse(delivery.Body);
            var message = doc.RootElement.GetProperty("message");
            events.Add((message.GetProperty("eventId").GetGuid(), message.GetProperty("articleId").GetString()!,
                message.GetProperty("revision").GetInt32()));
        }
        return events;
    }
}
