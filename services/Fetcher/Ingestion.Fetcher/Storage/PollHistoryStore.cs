using Dapper;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

public sealed record PollRecord(DateTime PolledAt, string Outcome, int? Status, int? Items, int? NewItems, int DurationMs, int? NextPollS,
    string? Error);

/// <summary>The last polls of each feed (at most <see cref="Kept"/> per feed).</summary>
public sealed class PollHistoryStore(NpgsqlDataSource dataSource)
{
    public const int Kept = 50;

    public async Task RecordAsync(string feedUrl, string outcome, int? status, int? items, int? newItems, TimeSpan duration,
        TimeSpan? next, string? error, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            insert into poll_history (feed_url, outcome, status, items, new_items, duration_ms, next_poll_s, error)
            select @feedUrl, @outcome, @status, @items, @newItems, @durationMs, @nextS, @error
            where exists (select 1 from feeds where url = @feedUrl);
            delete from poll_history where feed_url = @feedUrl and id <= (
                select id from poll_history where feed_url = @feedUrl order by id desc offset @kept limit 1);
            """, new
        {
            feedUrl, outcome, status, items, newItems, durationMs = (int)duration.TotalMilliseconds,
            nextS = next is { } n ? (int?)n.TotalSeconds : null, error, kept = Kept,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<PollRecord>> RecentAsync(string feedUrl, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<PollRecord>(new CommandDefinition("""
            select polled_at as PolledAt, outcome, status, items, new_items as NewItems, duration_ms as DurationMs,
                   next_poll_s as NextPollS, error
            from poll_history where feed_url = @feedUrl order by id desc limit @limit
            """, new { feedUrl, limit }, cancellationToken: ct))).ToList();
    }
}
