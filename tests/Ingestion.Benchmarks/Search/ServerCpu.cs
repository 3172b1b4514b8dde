using Dapper;
using Npgsql;

namespace Ingestion.Benchmarks.Search;

/// <summary>
/// CPU time the PostgreSQL server has used (the postmaster, its live processes, and those that exited), read from
/// /proc: throughput per CPU-second does not depend on what else the machine is running. Null where /proc is absent.
/// </summary>
public static class ServerCpu
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static async Task<TimeSpan?> ReadAsync(NpgsqlDataSource dataSource)
    {
        if (!Directory.Exists("/proc")) return null;
        await using var conn = await dataSource.OpenConnectionAsync();
        var backend = await conn.ExecuteScalarAsync<int>("select pg_backend_pid()");
        var postmaster = Stat(backend)?.Ppid;
        if (postmaster is null || Stat(postmaster.Value) is not { } root) return null;
        var ticks = root.Own + root.Children;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && s.Ppid == postmaster)
                ticks += s.Own;
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    sealed record ProcStat(int Ppid, long Own, long Children);

    static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
            return new ProcStat(int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]), long.Parse(f[13]) + long.Parse(f[14]));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
