namespace Ingestion.TestSupport;

/// <summary>
/// CPU time (user + system) a process tree has used, from /proc/PID/stat: the process, its descendants, and the children
/// each of them has reaped (PostgreSQL's exited backends, counted in the postmaster's). For a service's dotnet process,
/// the RabbitMQ node's Erlang VM and the PostgreSQL server. Null where /proc is absent or the process is gone.
/// </summary>
public static class ProcessCpu
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? OfTree(int root)
    {
        var stats = ProcessTree.Of(root, withZombies: true).Select(Stat).OfType<ProcStat>().ToList();
        if (stats.Count == 0) return null;
        return TimeSpan.FromSeconds(stats.Sum(s => s.Own + s.Children) / TicksPerSecond);
    }

    /// <summary>A process's parent, its own ticks (utime + stime), its reaped children's (cutime + cstime), and whether it is a
    /// zombie.</summary>
    public sealed record ProcStat(int Ppid, long Own, long Children, bool IsZombie = false);

    public static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on: ppid is 4, utime 14 … cstime 17
            return new ProcStat(int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]), long.Parse(f[13]) + long.Parse(f[14]), f[0] == "Z");
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
