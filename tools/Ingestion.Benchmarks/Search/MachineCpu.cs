namespace Ingestion.Benchmarks.Search;

/// <summary>
/// The machine's CPU time by kind (the first line of /proc/stat), so that a run can say how busy the machine was and how
/// much time the hypervisor gave to other guests ("steal"): on a shared virtual machine that is what makes the same build
/// load at very different rates an hour apart. Null where /proc/stat is absent.
/// </summary>
public sealed record MachineCpu(long Busy, long Idle, long Steal)
{
    public static MachineCpu? Read()
    {
        try
        {
            // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest time is already in user)
            var f = File.ReadLines("/proc/stat").First().Split(' ',
                StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            return new MachineCpu(f[0] + f[1] + f[2] + f[5] + f[6], f[3] + f[4], f.Length > 7 ? f[7] : 0);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>"busy B %, idle I %, stolen S %" of all CPU time between <paramref name="before"/> and this reading.</summary>
    public string Since(MachineCpu before)
    {
        var (busy, idle, steal) = (Busy - before.Busy, Idle - before.Idle, Steal - before.Steal);
        double total = Math.Max(1, busy + idle + steal);
        return $"busy {100 * busy / total:N0} %, idle {100 * idle / total:N0} %, stolen by the hypervisor {100 * steal / total:N0} %";
    }
}
