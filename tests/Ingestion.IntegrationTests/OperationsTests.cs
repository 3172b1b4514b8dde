using System.Text;
using Ingestion.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace Ingestion.IntegrationTests;

/// <summary>deploy/errors.sh, the operator's tool for error queues, against a real broker.</summary>
[Collection(ServersCollection.Name)]
public sealed class OperationsTests(LocalServers servers)
{
    [Fact]
    public async Task Errors_tool_lists_shows_and_replays_an_error_queue()
    {
        var vhost = "ops_" + Guid.NewGuid().ToString("N")[..6];
        using var rabbit = servers.RabbitManagement();
        await rabbit.CreateVirtualHostAsync(vhost);
        try
        {
            var factory = new ConnectionFactory { HostName = servers.RabbitHost, Port = servers.RabbitPort, VirtualHost = vhost };
            await using (var connection = await factory.CreateConnectionAsync())
            await using (var channel = await connection.CreateChannelAsync())
            {
                await channel.QueueDeclareAsync("stage", durable: true, exclusive: false, autoDelete: false);
                await channel.QueueDeclareAsync("stage_error", durable: true, exclusive: false, autoDelete: false);
                var props = new BasicProperties
                {
                    Persistent = true,
                    Headers = new Dictionary<string, object?> { ["MT-Fault-ExceptionType"] = "System.InvalidOperationException" },
                };
                for (var i = 0; i < 3; i++)
                    await channel.BasicPublishAsync("", "stage_error", mandatory: true, basicProperties: props,
                        body: Encoding.UTF8.GetBytes($"{{\"message\": {i}}}"));
            }
            await WaitAsync(async () => await rabbit.MessageCountAsync(vhost, "stage_error") == 3);

            var list = await ErrorsAsync(vhost, "list");
            Assert.Matches(@"stage_error\s+3", list);
            var show = await ErrorsAsync(vhost, "show", "stage_error", "2");
            Assert.Contains("MT-Fault-ExceptionType: System.InvalidOperationException", show);
            Assert.Equal(3, await rabbit.MessageCountAsync(vhost, "stage_error")); // show leaves them in place

            await ErrorsAsync(vhost, "replay", "stage_error");
            await WaitAsync(async () => await rabbit.MessageCountAsync(vhost, "stage") == 3
                                        && await rabbit.MessageCountAsync(vhost, "stage_error") == 0);
        }
        finally
        {
            await rabbit.DeleteVirtualHostAsync(vhost);
        }
    }

    Task<string> ErrorsAsync(string vhost, params string[] args) =>
        Shell.RunAsync("env", [$"RABBITMQ_API=http://{servers.RabbitHost}:{servers.RabbitManagementPort}", $"RABBITMQ_VHOST={vhost}",
            "bash", Path.Combine(RepoPaths.Root, "deploy", "errors.sh"), .. args]);

    static async Task WaitAsync(Func<Task<bool>> condition)
    {
        // The management API's counts lag the broker by a few seconds.
        for (var i = 0; i < 120; i++)
        {
            if (await condition()) return;
            await Task.Delay(500);
        }
        Assert.Fail("condition not met within 60 s");
    }
}
