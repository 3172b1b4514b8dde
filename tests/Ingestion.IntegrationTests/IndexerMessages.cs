using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Ingestion.IntegrationTests;

/// <summary>Feeds the indexer directly: ArticleEnriched messages as MassTransit envelopes, published with RabbitMQ.Client.</summary>
public static class IndexerMessages
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ArticleEnriched Article(string id, string title, string body, DateTimeOffset? published, string language = "en",
        string source = "Test Desk", string? description = null, int revision = 1, params (string Name, string Type)[] entities) =>
        new(new CleanedArticle(id, revision, $"https://news.example.invalid/{id}", title, ["A. Reporter"], published, null, language,
                null, null, description, null, body.Split("\n\n"), new SourceRef("folder", source, "/test"), DateTimeOffset.UtcNow),
            new Enrichment(language, entities.Select(e => new Entity(e.Name, e.Type, 1, [])).ToList(), [], [],
                body.Split('.')[0] + ".", body.Split(' ').Length, 1, "0000000000000000", null),
            DateTimeOffset.UtcNow);

    /// <summary>Publishes <paramref name="articles"/> (distinct ids) to a pipeline whose index is empty, and waits until all are indexed.</summary>
    public static async Task IndexAsync(LocalServers servers, TestPipeline pipeline, IReadOnlyList<ArticleEnriched> articles)
    {
        await PublishAsync(servers, pipeline, articles);
        await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == articles.Count,
            TimeSpan.FromSeconds(90), $"{articles.Count} articles indexed");
    }

    /// <summary>Publishes to the indexer's endpoint exchange ("indexer"), as the enricher's publish would reach it.</summary>
    public static Task PublishAsync(LocalServers servers, TestPipeline pipeline, IEnumerable<ArticleEnriched> messages) =>
        PublishAsync<ArticleEnriched>(servers, pipeline, messages);

    /// <summary>Publishes rejections to the indexer's rejection log endpoint ("indexer-rejections").</summary>
    public static Task PublishAsync(LocalServers servers, TestPipeline pipeline, IEnumerable<ArticleRejected> messages) =>
        PublishAsync<ArticleRejected>(servers, pipeline, messages, "indexer-rejections");

    /// <summary>Publishes messages of one contract type to an endpoint's exchange of the indexer, as MassTransit envelopes.</summary>
    private static async Task PublishAsync<T>(LocalServers servers, TestPipeline pipeline, IEnumerable<T> messages, string exchange = "indexer")
    {
        var factory = new ConnectionFactory
        {
            HostName = servers.RabbitHost, Port = servers.RabbitPort, VirtualHost = pipeline.VirtualHost, UserName = "guest", Password = "guest",
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var m in messages)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageId = Guid.NewGuid(),
                messageType = new[] { $"urn:message:Ingestion.Contracts:{typeof(T).Name}" },
                message = m,
            }, Json);
            var props = new BasicProperties
            {
                ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString(),
            };
            await channel.BasicPublishAsync(exchange, "", mandatory: true, basicProperties: props, body: body);
        }
    }
}
