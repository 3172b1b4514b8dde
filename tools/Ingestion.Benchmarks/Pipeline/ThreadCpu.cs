using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>
/// CPU time the calling thread has used (clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond resolution), so that work run
/// on one thread is measured apart from the rest of the process (the feed server, timers). Where that clock is absent,
/// the whole process's CPU time.
/// </summary>
internal static class ThreadCpu
{
    const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    [StructLayout(LayoutKind.Sequential)]
    struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    static extern int ClockGetTime(int clock, out Timespec time);

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var t) == 0)
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
