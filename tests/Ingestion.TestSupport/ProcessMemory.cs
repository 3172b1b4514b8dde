namespace Ingestion.TestSupport;

/// <summary>Memory a process holds, from /proc/PID/status (Linux); null where /proc is absent or the process is gone.</summary>
public static class ProcessMemory
{
    /// <summary>Resident set size (VmRSS) in bytes.</summary>
    public static long? Rss(int pid) => Field(pid, "VmRSS:");

    /// <summary>The largest resident set size so far (VmHWM) in bytes.</summary>
    public static long? PeakRss(int pid) => Field(pid, "VmHWM:");

    static long? Field(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(name, StringComparison.Ordinal))
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0]) * 1024; // "VmRSS:   12345 kB"
            return null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
