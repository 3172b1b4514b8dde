using Ingestion.IntegrationTests.Infrastructure;
using Npgsql;

namespace Ingestion.IntegrationTests;

/// <summary>
/// A connection string naming several PostgreSQL hosts, as a clustered deployment gives the services (Npgsql's multi-host
/// syntax), built into a data source the way the services build theirs: the first host is down, the second is the server;
/// writes go to a primary, and the services' session options (lz4 TOAST compression) are accepted.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class MultiHostPostgresTests(LocalServers servers)
{
    [Fact]
    public async Task Several_hosts_with_one_away_reach_the_primary_and_write()
    {
        var admin = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin);
        var csb = new NpgsqlConnectionStringBuilder(servers.PostgresAdmin)
        {
            Host = $"{admin.Host}:{FreePort.Next()},{admin.Host}:{admin.Port}",
            TargetSessionAttributes = "primary",
            Timeout = 3,
            Options = "-c default_toast_compression=lz4",
        };
        await using var dataSource = new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
        Assert.IsType<NpgsqlMultiHostDataSource>(dataSource);
        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal(admin.Port, conn.Port);
        await using var cmd = new NpgsqlCommand("""
            create temporary table multi_host_written (body text);
            insert into multi_host_written select repeat('ingestion ', 10000);
            select current_setting('default_toast_compression') || ' ' || count(*) from multi_host_written
            """, conn);
        Assert.Equal("lz4 1", await cmd.ExecuteScalarAsync());
    }
}
