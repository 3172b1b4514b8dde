using System.Text;
using System.Text.Json;
using Ingestion.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>A message that cannot be read, or that fails every time, ends in the endpoint's _error queue; the service goes on.</summary>
[Collection(ServersCollection.Name)]
public sealed class PoisonMessageTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task Unreadable_and_always_failing_messages_end_in_the_error_queue_and_the_service_keeps_working()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "poison");
        try
        {
            await pipeline.StartAsync();

            // Not JSON at all: it cannot be deserialized.
            await PublishRawAsync(pipeline, "cleaner", Encoding.UTF8.GetBytes("{ this is not json"));
            // A well-formed ArticleFetched whose body is not gzip: the consumer fails on every attempt.
            await PublishRawAsync(pipeline, "cleaner", Envelope("urn:message:Ingestion.Contracts:ArticleFetched", new
            {
                articleId = "poison-1", revision = 1, url = "file:///poison.txt", finalUrl = "file:///poison.txt",
                source = new { kind = "folder", name = "test", location = "/tmp" }, contentType = "text/plain", charset = (string?)null,
                statusCode = 200, fetchedAt = DateTimeOffset.UtcNow, contentHash = "00",
                bodyGzip = Convert.ToBase64String(Encoding.UTF8.GetBytes("definitely not gzip")), item = (object?)null,
            }));

            await pipeline.WaitUntilAsync(async () => await pipeline.Rabbit.MessageCountAsync(pipeline.VirtualHost, "cleaner_error") == 2,
                TimeSpan.FromSeconds(60), "both poison messages in cleaner_error");
            var errors = await pipeline.Rabbit.PeekAsync(pipeline.VirtualHost, "cleaner_error", 10);
            var reasons = errors.Select(e =>
                e.GetProperty("properties").GetProperty("headers").GetProperty("MT-Fault-ExceptionType").GetString()).ToList();
            output.WriteLine(string.Join("\n", reasons));
            Assert.Contains(reasons, r => r!.Contains("InvalidDataException"));
            Assert.Contains(reasons, r => r!.Contains("Serialization", StringComparison.OrdinalIgnoreCase) || r!.Contains("Json"));

            // The cleaner is still up and the pipeline still indexes.
            Assert.True(pipeline.Processes["Cleaner"].IsRunning);
            SyntheticArticles.Write(pipeline.Folder, 0, 1);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 1,
                TimeSpan.FromSeconds(60), "a good article indexed after the poison");
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    static byte[] Envelope(string messageType, object message) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        messageId = Guid.NewGuid(),
        messageType = new[] { messageType },
        message,
    });

    async Task PublishRawAsync(TestPipeline pipeline, string exchange, byte[] body)
    {
        var factory = new ConnectionFactory
        {
            HostName = servers.RabbitHost, Port = servers.RabbitPort, VirtualHost = pipeline.VirtualHost, UserName = "guest",
                Password = "guest",
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var props = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString(),
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, basicProperties: props, body: body);
    }
}
