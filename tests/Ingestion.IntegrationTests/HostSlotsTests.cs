using System.Collections.Concurrent;
using System.Diagnostics;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Persistence;
using Ingestion.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The fetcher's per-host slot (<see cref="HostSlots"/>) against the real database, without the fetcher: takers on one
/// host from separate connections, all at once, each holding the slot for a short request and giving it back. On the
/// database's clock, each is granted only after the previous holder gave the slot back plus the delay, never two at once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class HostSlotsTests(LocalServers servers, ITestOutputHelper output)
{
    static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Concurrent_takers_on_one_host_are_granted_at_least_the_delay_after_the_previous_release()
    {
        var connection = await servers.CreateDatabaseAsync("hostslots_" + Guid.NewGuid().ToString("N")[..8]);
        var search = new NpgsqlConnectionStringBuilder(connection) { SearchPath = "fetcher" }.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(connection))
            await new SchemaMigrator(admin, "fetcher", NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync([typeof(HostSlots).Assembly], CancellationToken.None);

        // Several data sources: several pools, so the takers really are separate connections (as separate fetchers are).
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(search)).ToList();
        try
        {
            const string host = "http://example.test:8080";
            const int takers = 12;
            var granted = new ConcurrentBag<(DateTime Granted, DateTime Released)>();
            var held = 0;
            var overlapped = 0;
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, takers).Select(i => Task.Run(async () =>
            {
                var slots = new HostSlots(sources[i % sources.Count]);
                var holder = Guid.NewGuid();
                start.Wait();
                while (await slots.TryTakeAsync(host, holder, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20), default) is { } wait)
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                if (Interlocked.Increment(ref held) > 1) Interlocked.Increment(ref overlapped);
                var at = await DatabaseNowAsync(sources[i % sources.Count]);
                await Task.Delay(5 + i % 3 * 10); // the request
                Interlocked.Decrement(ref held);
                var before = await DatabaseNowAsync(sources[i % sources.Count]);
                await slots.ReleaseAsync(host, holder, Delay, default);
                granted.Add((at, before));
            })).ToList();
            var clock = Stopwatch.StartNew();
            start.Set();
            await Task.WhenAll(tasks);

            var order = granted.OrderBy(g => g.Granted).ToList();
            var gaps = order.Zip(order.Skip(1), (a, b) => b.Granted - a.Released).ToList();
            output.WriteLine($"{takers} takers in {clock.Elapsed.TotalMilliseconds:0} ms; release to next grant: "
                + string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:0}")) + " ms");
            Assert.Equal(takers, order.Count);
            Assert.Equal(0, overlapped);
            Assert.All(gaps, gap => Assert.True(gap >= Delay, $"granted {gap.TotalMilliseconds:0} ms after the previous release"));
            // Nothing wasted either: the takers wait for the database's answer, not for a fixed poll.
            Assert.True(clock.Elapsed < (Delay + TimeSpan.FromMilliseconds(150)) * takers, $"{clock.Elapsed.TotalMilliseconds:0} ms");
        }
        finally
        {
            foreach (var source in sources) await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_slot_whose_holder_died_is_taken_over_when_its_hold_runs_out()
    {
        var connection = await servers.CreateDatabaseAsync("hostslots_" + Guid.NewGuid().ToString("N")[..8]);
        var search = new NpgsqlConnectionStringBuilder(connection) { SearchPath = "fetcher" }.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(connection))
            await new SchemaMigrator(admin, "fetcher", NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync([typeof(HostSlots).Assembly], CancellationToken.None);
        await using var source = NpgsqlDataSource.Create(search);
        var slots = new HostSlots(source);
        const string host = "http://dead.test";

        Assert.Null(await slots.TryTakeAsync(host, Guid.NewGuid(), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), default));
        var wait = await slots.TryTakeAsync(host, Guid.NewGuid(), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), default);
        Assert.NotNull(wait);
        Assert.InRange(wait.Value.TotalMilliseconds, 0, 50); // held: asked again soon, not at the end of the hold
        await Task.Delay(1100);
        Assert.Null(await slots.TryTakeAsync(host, Guid.NewGuid(), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), default));
    }

    static async Task<DateTime> DatabaseNowAsync(NpgsqlDataSource source)
    {
        await using var cmd = source.CreateCommand("select clock_timestamp()");
        return (DateTime)(await cmd.ExecuteScalarAsync())!;
    }
}
