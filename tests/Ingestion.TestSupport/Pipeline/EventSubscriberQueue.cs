using System.Text.Json;
using RabbitMQ.Client;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>
/// A subscriber's own durable queue bound to the <c>ArticleIndexed</c> exchange (declared as MassTransit declares it: the
/// message type's name, fanout, durable) before anything is indexed; read at the end to count the events received.
/// </summary>
public sealed class EventSubscriberQueue(string host, int port, string queue)
{
    public const string Exchange = "Ingestion.Contracts:ArticleIndexed";

    public string Queue => queue;

    ConnectionFactory Factory => new() { HostName = host, Port = port, UserName = "guest", Password = "guest" };

    public async Task BindAsync()
    {
        await using var connection = await Factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, Exchange, "");
    }

    /// <summary>Takes every event in the queue: (event id, article id, revision) of each, duplicates included.</summary>
    public async Task<IReadOnlyList<(Guid EventId, string ArticleId, int Revision)>> DrainAsync()
    {
        await using var connection = await Factory.CreateConnectionAsync();
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
