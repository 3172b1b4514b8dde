using System.Diagnostics;
using Ingestion.Benchmarks.Search;
using Ingestion.TestSupport.Pipeline;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>
/// One reading of the CPU time every part of a <see cref="PipelineRun"/> has used so far (<see cref="ProcessCpu.OfTree"/>):
/// each service (its processes summed), PostgreSQL (the postmaster with its live and exited backends), RabbitMQ (the
/// Erlang node), this harness process, and the machine's total from /proc/stat. Two readings subtract.
/// </summary>
internal sealed record CpuReadings(IReadOnlyDictionary<string, TimeSpan?> Parts, TimeSpan Harness, MachineCpu? Machine, long Timestamp)
{
    /// <summary>The parts in the order they are reported.</summary>
    public static readonly string[] Names = [.. PipelineRun.Services.Reverse(), "postgres", "rabbitmq"];

    public static CpuReadings Read(PipelineRun run)
    {
        var parts = new Dictionary<string, TimeSpan?>();
        foreach (var service in PipelineRun.Services)
        {
            var each = run.Of(service).Select(p => ProcessCpu.OfTree(p.Pid)).ToList();
            parts[service] = each.Any(c => c is null) ? null : each.Aggregate(TimeSpan.Zero, (sum, c) => sum + c!.Value);
        }
        parts["postgres"] = run.Postgres.PostmasterPid is { } pg ? ProcessCpu.OfTree(pg) : null;
        parts["rabbitmq"] = run.Rabbit.NodePid is { } node ? ProcessCpu.OfTree(node) : null;
        using var self = Process.GetCurrentProcess();
        return new CpuReadings(parts, self.TotalProcessorTime, MachineCpu.Read(), Stopwatch.GetTimestamp());
    }

    /// <summary>CPU used by each part between <paramref name="before"/> and this reading (null where either is missing).</summary>
    public IReadOnlyDictionary<string, TimeSpan?> Since(CpuReadings before) =>
        Names.ToDictionary(n => n, n => Parts[n] is { } after && before.Parts[n] is { } b ? after - b : (TimeSpan?)null);

    /// <summary>The parts' CPU together since <paramref name="before"/>.</summary>
    public TimeSpan PartsSince(CpuReadings before) => Since(before).Values.Aggregate(TimeSpan.Zero, (sum, c) => sum + (c ?? TimeSpan.Zero));

    /// <summary>The machine's busy CPU time since <paramref name="before"/> (all cores), null without /proc/stat.</summary>
    public TimeSpan? MachineBusySince(CpuReadings before) =>
        Machine is { } m && before.Machine is { } b ? TimeSpan.FromSeconds((m.Busy - b.Busy) / 100.0) : null; // USER_HZ ticks

    public TimeSpan WallSince(CpuReadings before) => Stopwatch.GetElapsedTime(before.Timestamp, Timestamp);
}
