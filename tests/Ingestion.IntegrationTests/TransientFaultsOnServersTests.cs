using Ingestion.Hosting.Resilience;
using Ingestion.IntegrationTests.Infrastructure;
using Npgsql;
using RabbitMQ.Client;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The classification of <see cref="TransientFaults"/> against what real servers raise: a dependency away (wait for it)
/// versus a statement or a message that is wrong (retry a little, then the error queue).
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TransientFaultsOnServersTests(LocalServers servers)
{
    [Fact]
    public async Task A_database_nobody_listens_on_is_postgres_being_away()
    {
        var cs = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin) { Port = FreePort.Next(), Timeout = 3 }.ConnectionString;
        await using var conn = new NpgsqlConnection(cs);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => conn.OpenAsync());
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(error));
    }

    [Fact]
    public async Task A_connection_ended_by_an_administrator_is_postgres_being_away()
    {
        await using var victim = new NpgsqlConnection(servers.PostgresAdmin);
        await victim.OpenAsync();
        await using (var pid = new NpgsqlCommand("select pg_backend_pid()", victim))
        {
            var id = (int)(await pid.ExecuteScalarAsync())!;
            await using var admin = new NpgsqlConnection(servers.PostgresAdmin);
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand($"select pg_terminate_backend({id})", admin);
            await kill.ExecuteScalarAsync();
        }
        await using var next = new NpgsqlCommand("select 1", victim);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => next.ExecuteScalarAsync());
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(error));
    }

    [Fact]
    public async Task A_write_on_a_read_only_server_and_a_statement_timeout_are_postgres_being_away()
    {
        await using var conn = new NpgsqlConnection(servers.PostgresAdmin);
        await conn.OpenAsync();
        // As a standby after a failover answers a write: 25006 read_only_sql_transaction.
        await using (var readOnly = new NpgsqlCommand("set session characteristics as transaction read only", conn))
            await readOnly.ExecuteNonQueryAsync();
        await using (var cmd = new NpgsqlCommand("create table written_on_a_standby (x int)", conn))
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Equal("25006", error.SqlState);
            Assert.Equal(Dependency.Postgres, TransientFaults.Of(error));
        }
        await using (var reset = new NpgsqlCommand("set session characteristics as transaction read write; set statement_timeout = 50", conn))
            await reset.ExecuteNonQueryAsync();
        await using var slow = new NpgsqlCommand("select pg_sleep(2)", conn);
        var timeout = await Assert.ThrowsAsync<PostgresException>(() => slow.ExecuteNonQueryAsync());
        Assert.Equal("57014", timeout.SqlState);
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(timeout));
    }

    [Fact]
    public async Task Values_the_database_refuses_are_not_transient()
    {
        await using var conn = new NpgsqlConnection(servers.PostgresAdmin);
        await conn.OpenAsync();
        await using (var create = new NpgsqlCommand("create temp table refused (x int check (x > 0) unique)", conn))
            await create.ExecuteNonQueryAsync();
        foreach (var sql in new[] { "insert into refused values (-1)", "insert into refused values ('abc')", "select 1/0",
                     "insert into refused values (1), (1)", "select * from no_such_table" })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.True(TransientFaults.Of(error) is null, $"{sql}: {error.SqlState} taken as transient");
        }
    }

    [Fact]
    public async Task A_broker_nobody_listens_on_is_the_broker_being_away_and_a_missing_exchange_is_not()
    {
        var away = new ConnectionFactory { HostName = "127.0.0.1", Port = FreePort.Next(), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
        var unreachable = await Assert.ThrowsAnyAsync<Exception>(() => away.CreateConnectionAsync());
        Assert.Equal(Dependency.Broker, TransientFaults.Of(unreachable));

        var factory = new ConnectionFactory { HostName = servers.RabbitHost, Port = servers.RabbitPort, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var missing = await Assert.ThrowsAnyAsync<Exception>(() => channel.ExchangeDeclarePassiveAsync("no-such-exchange-" + Guid.NewGuid()));
        Assert.Null(TransientFaults.Of(missing));
    }
}
