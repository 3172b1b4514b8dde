using System.Diagnostics;
using Dapper;
using Ingestion.Benchmarks.Search;
using Npgsql;

namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// One drain of the backlog: starts the indexer and polls <c>indexer.revisions</c> until it holds all the articles. CPU is
/// counted from the last poll that found none indexed (the process has started; its first batch may be under way) to the
/// poll that found them all.
/// </summary>
public sealed record IndexerDrain(
    TimeSpan Wall, TimeSpan FirstBatchAfter, TimeSpan IndexedSpan,
    TimeSpan? IndexerCpu, TimeSpan? PostgresCpu, TimeSpan? RabbitCpu, string? Machine)
{
    static readonly TimeSpan StartPoll = TimeSpan.FromMilliseconds(100), DrainPoll = TimeSpan.FromMilliseconds(500);

    sealed record Cpu(TimeSpan? Indexer, TimeSpan? Postgres, TimeSpan? Rabbit, MachineCpu? Machine);

    /// <summary>The drain, or null (after saying what was reached) when the articles were not all indexed in time.</summary>
    public static async Task<IndexerDrain?> MeasureAsync(ServiceProcess indexer, NpgsqlDataSource db, ThrowawayRabbit rabbit, int count,
        CancellationToken ct)
    {
        var timeout = TimeSpan.FromSeconds(count / 100.0 + 120);
        var startedAt = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        indexer.Start();
        async Task<Cpu> SampleAsync() => new(ProcessCpu.OfTree(indexer.Pid), await ServerCpu.ReadAsync(db),
            rabbit.NodePid is { } beam ? ProcessCpu.OfTree(beam) : null, MachineCpu.Read());
        var before = await SampleAsync();
        (long Count, DateTime? First, DateTime? Last) seen = (0, null, null);
        while (true)
        {
            var sample = seen.Count == 0 ? await SampleAsync() : null;
            await using (var conn = await db.OpenConnectionAsync(ct))
                seen = await conn.QuerySingleAsync<(long, DateTime?, DateTime?)>(
                    "select count(*), min(indexed_at), max(indexed_at) from indexer.revisions");
            if (seen.Count == 0 && sample is not null) before = sample;
            if (seen.Count >= count) break;
            if (!indexer.IsRunning)
                throw new InvalidOperationException($"the indexer exited after indexing {seen.Count:N0} of {count:N0}:\n{indexer.LastLines()}");
            if (wall.Elapsed > timeout)
            {
                Console.WriteLine($"TIMEOUT: {seen.Count:N0} of {count:N0} articles indexed {wall.Elapsed.TotalSeconds:N0} s after the indexer started" +
                                  (seen.First is { } f
                                      ? $" (the first at {(f - startedAt).TotalSeconds:N1} s, the last so far at {(seen.Last!.Value - startedAt).TotalSeconds:N1} s)" : ""));
                Console.WriteLine("indexer's last lines:\n" + indexer.LastLines());
                return null;
            }
            await Task.Delay(seen.Count == 0 ? StartPoll : DrainPoll, ct);
        }
        var elapsed = wall.Elapsed;
        var after = await SampleAsync();
        return new IndexerDrain(elapsed, seen.First!.Value - startedAt, seen.Last!.Value - seen.First.Value,
            after.Indexer - before.Indexer, after.Postgres - before.Postgres, after.Rabbit - before.Rabbit,
            before.Machine is null ? null : after.Machine?.Since(before.Machine));
    }
}
