namespace Ingestion.Benchmarks;

/// <summary>
/// CPU time (user + system) a process tree has used, from /proc/PID/stat: the process, its live descendants, and the
/// children each of them has reaped (PostgreSQL's exited backends, counted in the postmaster's). For the indexer's dotnet
/// process, the RabbitMQ node's Erlang VM and the PostgreSQL server (<see cref="Search.ServerCpu"/>). Null where /proc is
/// absent or the process is gone.
/// </summary>
public static class ProcessCpu
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? OfTree(int root)
    {
        if (!Directory.Exists("/proc")) return null;
        var stats = new List<(int Pid, ProcStat Stat)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s)
                stats.Add((pid, s));
        if (!stats.Any(s => s.Pid == root)) return null;
        var tree = new HashSet<int> { root };
        for (var added = true; added;)
        {
            added = false;
            foreach (var (pid, stat) in stats)
                if (!tree.Contains(pid) && tree.Contains(stat.Ppid)) added |= tree.Add(pid);
        }
        var ticks = stats.Where(s => tree.Contains(s.Pid)).Sum(s => s.Stat.Own + s.Stat.Children);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>A process's parent, its own ticks (utime + stime) and its reaped children's (cutime + cstime).</summary>
    public sealed record ProcStat(int Ppid, long Own, long Children);

    public static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on: ppid is 4, utime 14 … cstime 17
            return new ProcStat(int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]), long.Parse(f[13]) + long.Parse(f[14]));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
