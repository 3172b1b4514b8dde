using Dapper;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

/// <summary>
/// Per-host spacing shared by every fetcher on one database: <c>host_slots(host, next_at)</c> holds the earliest start of
/// the next request to a host. Taking a slot is one statement: the caller gets the later of <c>next_at</c> and now, and
/// moves <c>next_at</c> one delay past it, so requests from any number of fetchers start at least a delay apart.
/// </summary>
public sealed class HostSlots(NpgsqlDataSource dataSource)
{
    /// <summary>Takes the next slot of <paramref name="host"/>; returns how long to wait until it starts (zero or more),
    /// measured on the database's clock so that the fetchers' clocks need not agree.</summary>
    public async Task<TimeSpan> TakeAsync(string host, TimeSpan delay, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var seconds = await conn.ExecuteScalarAsync<double>(new CommandDefinition("""
            insert into host_slots as s (host, next_at) values (@host, now() + @delay)
            on conflict (host) do update set next_at = greatest(s.next_at, now()) + @delay
            returning extract(epoch from s.next_at - @delay - now())::float8
            """, new { host, delay }, cancellationToken: ct));
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }
}
