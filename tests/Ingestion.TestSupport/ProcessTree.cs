namespace Ingestion.TestSupport;

/// <summary>A process and its live descendants, read from /proc (Linux); for CPU readings and kill -9 of a whole server.</summary>
public static class ProcessTree
{
    /// <summary>
    /// The root and every descendant, zombies (exited, not yet reaped) only with <paramref name="withZombies"/>; empty where
    /// /proc is absent or the root is not among them.
    /// </summary>
    public static IReadOnlyList<int> Of(int root, bool withZombies = false)
    {
        if (!Directory.Exists("/proc")) return [];
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ProcessCpu.Stat(pid) is { } s && (withZombies || !s.IsZombie))
                parents[pid] = s.Ppid;
        if (!parents.ContainsKey(root)) return [];
        var tree = new List<int> { root };
        var inTree = new HashSet<int> { root };
        for (var added = true; added;)
        {
            added = false;
            foreach (var (pid, ppid) in parents)
                if (!inTree.Contains(pid) && inTree.Contains(ppid) && inTree.Add(pid))
                {
                    tree.Add(pid);
                    added = true;
                }
        }
        return tree;
    }

    /// <summary>True while the process exists and is not a zombie (an exited child nobody has reaped yet).</summary>
    public static bool IsAlive(int pid) => ProcessCpu.Stat(pid) is { IsZombie: false };

    /// <summary>
    /// SIGKILL to the root and all its descendants at once; waits until they are gone from /proc (reaped: a zombie's pid
    /// still answers kill(pid, 0), which servers read as "another one runs here"), at most <paramref name="timeout"/>.
    /// False when some are still zombies then (nothing reaped them); throws when one still runs.
    /// </summary>
    public static async Task<bool> Kill9Async(int root, TimeSpan timeout)
    {
        var pids = Of(root);
        foreach (var pid in pids)
        {
            try
            {
                using var p = System.Diagnostics.Process.GetProcessById(pid);
                p.Kill(); // SIGKILL on Unix
            }
            catch (ArgumentException) { } // gone already
            catch (InvalidOperationException) { }
        }
        var deadline = DateTime.UtcNow + timeout;
        while (pids.Any(pid => ProcessCpu.Stat(pid) is not null))
        {
            if (DateTime.UtcNow > deadline)
            {
                if (pids.Any(IsAlive))
                    throw new TimeoutException($"processes {string.Join(' ', pids.Where(IsAlive))} still alive {timeout.TotalSeconds:N0} s after SIGKILL");
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }
}
