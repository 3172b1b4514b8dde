using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Feeds the enricher directly and watches what comes out of the pipeline: publishes <see cref="ArticleCleaned"/> to its
/// message-type exchange (as the cleaner's publish does), and collects every <see cref="ArticleEnriched"/> and
/// <see cref="ArticleIndexed"/> published in the test's virtual host through queues of its own bound to those exchanges.
/// Create it after the enricher and the indexer have started (they declare the exchanges).
/// </summary>
public sealed class EnricherMessages : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    const string CleanedExchange = "Ingestion.Contracts:ArticleCleaned";
    const string EnrichedExchange = "Ingestion.Contracts:ArticleEnriched";
    const string IndexedExchange = "Ingestion.Contracts:ArticleIndexed";

    readonly IConnection connection;
    readonly IChannel channel;
    readonly ConcurrentQueue<ArticleEnriched> enriched = new();
    readonly ConcurrentQueue<ArticleIndexed> indexed = new();

    EnricherMessages(IConnection connection, IChannel channel) => (this.connection, this.channel) = (connection, channel);

    public IReadOnlyList<ArticleEnriched> Enriched => enriched.ToArray();
    public IReadOnlyList<ArticleIndexed> Indexed => indexed.ToArray();

    public static async Task<EnricherMessages> ConnectAsync(LocalServers servers, TestPipeline pipeline)
    {
        var factory = new ConnectionFactory
        {
            HostName = servers.RabbitHost, Port = servers.RabbitPort, VirtualHost = pipeline.VirtualHost, UserName = "guest", Password = "guest",
        };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new EnricherMessages(connection, channel);
        await tap.ListenAsync(EnrichedExchange, m => tap.enriched.Enqueue(Read<ArticleEnriched>(m)));
        await tap.ListenAsync(IndexedExchange, m => tap.indexed.Enqueue(Read<ArticleIndexed>(m)));
        return tap;
    }

    async Task ListenAsync(string exchange, Action<ReadOnlyMemory<byte>> received)
    {
        // MassTransit declares message-type exchanges as durable fanout exchanges without arguments: the same declaration.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, e) =>
        {
            received(e.Body);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    static T Read<T>(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        return envelope.RootElement.GetProperty("message").Deserialize<T>(Json)
            ?? throw new InvalidOperationException("an empty message: " + Encoding.UTF8.GetString(body.Span));
    }

    /// <summary>Publishes one cleaned article as the cleaner would (a MassTransit envelope, mandatory: a queue must take it).</summary>
    public async Task PublishAsync(CleanedArticle article)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:Ingestion.Contracts:ArticleCleaned" },
            message = new ArticleCleaned(article, DateTimeOffset.UtcNow),
        }, Json);
        var props = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(CleanedExchange, "", mandatory: true, basicProperties: props, body: body);
    }

    /// <summary>Waits for the <paramref name="nth"/> (1-based) ArticleIndexed of an article revision, and the ArticleEnriched before it.</summary>
    public async Task<(ArticleEnriched Enriched, ArticleIndexed Indexed)> WaitForAsync(TestPipeline pipeline, string articleId, int revision,
        int nth = 1, TimeSpan? timeout = null)
    {
        await pipeline.WaitUntilAsync(() => Task.FromResult(
                IndexedOf(articleId, revision).Count >= nth && EnrichedOf(articleId, revision).Count >= nth),
            timeout ?? TimeSpan.FromSeconds(60), $"ArticleEnriched and ArticleIndexed #{nth} of {articleId} r{revision}");
        return (EnrichedOf(articleId, revision)[nth - 1], IndexedOf(articleId, revision)[nth - 1]);
    }

    public List<ArticleEnriched> EnrichedOf(string articleId, int revision) =>
        enriched.Where(m => m.Article.ArticleId == articleId && m.Article.Revision == revision).ToList();

    public List<ArticleIndexed> IndexedOf(string articleId, int revision) =>
        indexed.Where(m => m.ArticleId == articleId && m.Revision == revision).ToList();

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
