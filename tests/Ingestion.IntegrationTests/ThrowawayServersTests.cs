using System.Text;
using Dapper;
using Npgsql;
using RabbitMQ.Client;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The faults Ingestion.TestSupport injects keep what a crash would keep: PostgreSQL killed with kill -9 comes back on
/// the same port with every row it acknowledged (when not ephemeral); RabbitMQ stopped, or killed, comes back with its durable queue and
/// persistent
/// messages. Servers of their own, not the shared ones.
/// </summary>
public sealed class ThrowawayServersTests
{
    [Fact]
    public async Task Postgres_killed_with_kill_9_restarts_on_the_same_port_and_data()
    {
        await using var pg = await ThrowawayPostgres.StartAsync(ephemeral: false); // commits on disk when acknowledged
        var cs = pg.ConnectionString() + ";Pooling=false";
        await using (var conn = new NpgsqlConnection(cs))
            await conn.ExecuteAsync("create table kept (id int primary key); insert into kept values (1), (2), (3)");
        var before = pg.PostmasterPid;

        await pg.Kill9Async();
        Assert.False(pg.IsRunning);
        await pg.RestartAsync();

        Assert.NotEqual(before, pg.PostmasterPid);
        await using (var conn = new NpgsqlConnection(cs))
            Assert.Equal(3, await conn.ExecuteScalarAsync<int>("select count(*) from kept"));
    }

    [Fact]
    public async Task Rabbit_stopped_or_killed_restarts_with_its_durable_queue_and_persistent_messages()
    {
        await using var rabbit = await ThrowawayRabbit.StartAsync();
        var factory = new ConnectionFactory { HostName = rabbit.Host, Port = rabbit.AmqpPort };
        async Task PublishAsync(string body)
        {
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
            await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "kept", mandatory: true, basicProperties: new BasicProperties { Persistent = true },
                body: Encoding.UTF8.GetBytes(body));
        }

        async Task<uint> CountAsync() // from the broker itself: the management API's figures lag by up to 5 s
        {
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            return (await channel.QueueDeclarePassiveAsync("kept")).MessageCount;
        }

        await PublishAsync("one");
        await rabbit.StopAsync();
        Assert.False(rabbit.IsRunning);
        await rabbit.StartAgainAsync();
        Assert.Equal(1u, await CountAsync());

        await PublishAsync("two"); // confirmed: on disk before the kill
        await rabbit.Kill9Async();
        await rabbit.StartAgainAsync();
        Assert.Equal(2u, await CountAsync());
    }
}
