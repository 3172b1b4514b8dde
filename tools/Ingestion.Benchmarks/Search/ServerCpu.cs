using Dapper;
using Npgsql;

namespace Ingestion.Benchmarks.Search;

/// <summary>
/// CPU time the PostgreSQL server has used (the postmaster, its live processes, and those that exited), read from
/// /proc (<see cref="ProcessCpu"/>): throughput per CPU-second does not depend on what else the machine is running.
/// Null where /proc is absent.
/// </summary>
public static class ServerCpu
{
    public static async Task<TimeSpan?> ReadAsync(NpgsqlDataSource dataSource)
    {
        if (!Directory.Exists("/proc")) return null;
        await using var conn = await dataSource.OpenConnectionAsync();
        var backend = await conn.ExecuteScalarAsync<int>("select pg_backend_pid()");
        return ProcessCpu.Stat(backend)?.Ppid is { } postmaster ? ProcessCpu.OfTree(postmaster) : null;
    }
}
