using System.Text;
using System.Text.Json;
using Ingestion.IntegrationTests.Infrastructure;
using Ingestion.TestSupport.Pipeline;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The pipeline against a three-node RabbitMQ cluster (RabbitMq__Hosts, RabbitMq__QuorumQueues): every queue the
/// services declare is a quorum queue, error and skipped queues included, with an explicit delivery limit that
/// dead-letters to the error queue. A node killed with kill -9 while pages flow is <c>harness chaos --rabbit-nodes 3</c>:
/// as a test (200 pages, 10 s) it took 3.5 min here, most of it starting the cluster and the services.
/// </summary>
public sealed class RabbitClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_queue_the_services_declare_is_a_quorum_queue_error_and_skipped_queues_included()
    {
        var log = new TestOutputWriter(output);
        await using var run = await PipelineRun.StartAsync(new PipelineSettings { RabbitNodes = 3, DurablePostgres = false }, log);
        try
        {
            // An unreadable message goes to cleaner_error, one of a type nobody consumes to cleaner_skipped: both queues
            // are declared by MassTransit only when first used.
            await PublishRawAsync(run, "cleaner", Encoding.UTF8.GetBytes("{ this is not json"));
            await PublishRawAsync(run, "cleaner", JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageId = Guid.NewGuid(), messageType = new[] { "urn:message:Ingestion.Contracts:NobodyConsumesThis" }, message = new { },
            }));
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((await run.Management.QueueAsync("cleaner_error"))?.Messages != 1 || await run.Management.QueueAsync("cleaner_skipped") is null)
            {
                Assert.True(DateTime.UtcNow < deadline, "the two messages did not reach cleaner_error and cleaner_skipped");
                await Task.Delay(1000);
            }

            var queues = await run.Management.QueuesAsync();
            foreach (var q in queues)
                output.WriteLine($"{q.Name}: {q.Type} on {q.Node} {string.Join(", ", q.Arguments.Select(a => $"{a.Key}={a.Value}"))}");
            Assert.All(queues, q => Assert.Equal("quorum", q.Type));
            var names = queues.Select(q => q.Name).ToHashSet();
            foreach (var queue in PipelineRun.Queues)
            {
                Assert.Contains(queue, names);
                // Declared with the endpoint, so the dead-letter target exists before anything fails.
                Assert.Contains(queue + "_error", names);
                var endpoint = queues.Single(q => q.Name == queue);
                Assert.Equal("20", endpoint.Arguments["x-delivery-limit"]);
                Assert.Equal(queue + "_error", endpoint.Arguments["x-dead-letter-exchange"]);
                Assert.Equal("at-least-once", endpoint.Arguments["x-dead-letter-strategy"]);
                var error = queues.Single(q => q.Name == queue + "_error");
                Assert.False(error.Arguments.ContainsKey("x-dead-letter-exchange"), $"{error.Name} dead-letters");
                Assert.False(error.Arguments.ContainsKey("x-delivery-limit"), $"{error.Name} has a delivery limit");
            }
            Assert.Contains("cleaner_skipped", names);
        }
        catch
        {
            output.WriteLine(run.Logs(60));
            throw;
        }
    }

    static async Task PublishRawAsync(PipelineRun run, string exchange, byte[] body)
    {
        var factory = new ConnectionFactory { UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync(
            run.RabbitCluster!.Nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.AmqpPort)).ToList());
        await using var channel = await connection.CreateChannelAsync();
        var props = new BasicProperties
        {
            ContentType = "application/vnd.masstransit+json", Persistent = true, MessageId = Guid.NewGuid().ToString(),
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, basicProperties: props, body: body);
    }
}
