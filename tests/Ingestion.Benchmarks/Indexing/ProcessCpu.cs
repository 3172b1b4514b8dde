namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// CPU time (user + system) a process and its live descendants have used, from /proc/PID/stat: the indexer's dotnet process,
/// the RabbitMQ node's Erlang VM. Null where /proc is absent or the process is gone.
/// </summary>
public static class ProcessCpu
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? OfTree(int root)
    {
        if (!Directory.Exists("/proc")) return null;
        var stats = new List<(int Pid, int Ppid, long Ticks)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s)
                stats.Add((pid, s.Ppid, s.Ticks));
        if (!stats.Any(s => s.Pid == root)) return null;
        var tree = new HashSet<int> { root };
        long ticks = 0;
        for (var added = true; added;)
        {
            added = false;
            foreach (var s in stats)
                if (!tree.Contains(s.Pid) && tree.Contains(s.Ppid)) added |= tree.Add(s.Pid);
        }
        foreach (var s in stats)
            if (tree.Contains(s.Pid)) ticks += s.Ticks;
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    static (int Ppid, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on: ppid is 4, utime 14, stime 15
            return (int.Parse(f[1]), long.Parse(f[11]) + long.Parse(f[12]));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
