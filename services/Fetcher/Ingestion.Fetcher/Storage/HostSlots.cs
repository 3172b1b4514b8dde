using Dapper;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

/// <summary>
/// Per-host spacing shared by every fetcher on one database: <c>host_slots(host, next_at, held_by)</c>. A request takes
/// its host's slot only when it is due (<c>next_at</c> passed, on the database's clock at that moment) and holds it while
/// it runs (<c>next_at</c> = when the hold runs out, should its fetcher die); giving it back sets <c>next_at</c> to the
/// request's end plus the delay. So a request to a host starts only after the previous one, from any fetcher, has ended
/// and the delay has passed: however late a process is between taking a slot and sending, the next request cannot
/// overtake it. A taker that finds the slot not due is told how long to wait, computed in SQL on the database's clock.
/// </summary>
public sealed class HostSlots(NpgsqlDataSource dataSource)
{
    /// <summary>Tries to take the slot of <paramref name="host"/>, to be held at most <paramref name="hold"/>: null when it
    /// was taken (give it back with <see cref="ReleaseAsync"/>), else how long to wait before trying again: until the slot
    /// is due, or, while another request holds it, <paramref name="poll"/> at most.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string host, Guid holder, TimeSpan hold, TimeSpan poll, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var taken = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
            insert into host_slots as s (host, next_at, held_by) values (@host, clock_timestamp() + @hold, @holder)
            on conflict (host) do update set next_at = clock_timestamp() + @hold, held_by = @holder
                where s.next_at <= clock_timestamp()
            returning 1
            """, new { host, hold, holder = holder.ToString() }, cancellationToken: ct));
        if (taken is not null) return null;
        var seconds = await conn.ExecuteScalarAsync<double?>(new CommandDefinition("""
            select extract(epoch from greatest(case when held_by is null then next_at - clock_timestamp()
                else least(next_at - clock_timestamp(), @poll) end, interval '0'))::float8
            from host_slots where host = @host
            """, new { host, poll }, cancellationToken: ct));
        return TimeSpan.FromSeconds(seconds ?? 0);
    }

    /// <summary>Gives back a slot taken by <paramref name="holder"/>: the next request to the host may start
    /// <paramref name="delay"/> from now (on the database's clock). A hold that ran out and was taken over is left alone.</summary>
    public async Task ReleaseAsync(string host, Guid holder, TimeSpan delay, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update host_slots set next_at = clock_timestamp() + @delay, held_by = null where host = @host and held_by = @holder
            """, new { host, delay, holder = holder.ToString() }, cancellationToken: ct));
    }
}
