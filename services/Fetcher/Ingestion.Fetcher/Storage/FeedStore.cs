using Dapper;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

public sealed record FeedRow(string Url, string Name, string? Kind, string? ETag, DateTime? LastModified, bool Paused,
    DateTime? LastPolledAt, DateTime? LastSuccessAt, string? LastError, int ErrorCount, DateTime NextPollAt);

/// <summary>The feeds to poll and how each one is doing.</summary>
public sealed class FeedStore(NpgsqlDataSource dataSource)
{
    const string Columns = """
        url, name, kind, etag, last_modified as LastModified, paused, last_polled_at as LastPolledAt,
        last_success_at as LastSuccessAt, last_error as LastError, error_count as ErrorCount, next_poll_at as NextPollAt
        """;

    public async Task AddAsync(string url, string name, string? kind, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            insert into feeds (url, name, kind) values (@url, @name, @kind)
            on conflict (url) do update set name = excluded.name, kind = coalesce(excluded.kind, feeds.kind)
            """, new { url, name, kind }, cancellationToken: ct));
    }

    /// <summary>Adds a feed unless it is known already (a known feed keeps its name and state). True when added.</summary>
    public async Task<bool> AddIfAbsentAsync(string url, string name, string? kind, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "insert into feeds (url, name, kind) values (@url, @name, @kind) on conflict (url) do nothing",
            new { url, name, kind }, cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlyList<FeedRow>> ListAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<FeedRow>(new CommandDefinition($"select {Columns} from feeds order by url",
            cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Claims at most <paramref name="limit"/> due feeds for <paramref name="instance"/> until now + <paramref name="lease"/>,
    /// oldest due first: feeds no other fetcher holds (no lease, a lease run out, or this instance's own from before),
    /// skipping rows another fetcher is claiming at this moment. The poll's end (<see cref="SucceededAsync"/>,
    /// <see cref="FailedAsync"/>) clears the lease.
    /// </summary>
    public async Task<IReadOnlyList<FeedRow>> ClaimDueAsync(string instance, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<FeedRow>(new CommandDefinition($"""
            update feeds set leased_until = now() + @lease, leased_by = @instance
            where url in (
                select url from feeds
                where not paused and next_poll_at <= now()
                  and (leased_until is null or leased_until < now() or leased_by = @instance)
                order by next_poll_at
                limit @limit
                for update skip locked)
            returning {Columns}
            """, new { instance, lease, limit }, cancellationToken: ct));
        return rows.OrderBy(f => f.NextPollAt).ToList();
    }

    /// <summary>Extends this instance's leases on the feeds it is still polling (a long poll keeps its feeds).</summary>
    public async Task RenewAsync(string instance, IReadOnlyCollection<string> urls, TimeSpan lease, CancellationToken ct)
    {
        if (urls.Count == 0) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "update feeds set leased_until = now() + @lease where leased_by = @instance and url = any(@urls)",
            new { instance, urls = urls.ToArray(), lease }, cancellationToken: ct));
    }

    /// <summary>Gives back this instance's leases on feeds it claimed and did not poll (a stop, PostgreSQL away): another
    /// fetcher may poll them at once.</summary>
    public async Task ReleaseAsync(string instance, IReadOnlyCollection<string> urls, CancellationToken ct)
    {
        if (urls.Count == 0) return;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "update feeds set leased_until = null, leased_by = null where leased_by = @instance and url = any(@urls)",
            new { instance, urls = urls.ToArray() }, cancellationToken: ct));
    }

    public async Task SucceededAsync(string url, string kind, string? etag, DateTimeOffset? lastModified, TimeSpan next,
        CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update feeds set kind = @kind, etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
                last_polled_at = now(), last_success_at = now(), last_error = null, error_count = 0,
                next_poll_at = now() + @next, leased_until = null, leased_by = null
            where url = @url
            """, new { url, kind, etag, lastModified = lastModified?.UtcDateTime, next }, cancellationToken: ct));
    }

    /// <summary>Records a failed poll; the next poll waits <paramref name="backoff"/> (see PollSchedule.AfterFailure).</summary>
    public async Task FailedAsync(string url, string error, TimeSpan backoff, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update feeds set last_polled_at = now(), last_error = @error, error_count = error_count + 1,
                next_poll_at = now() + @backoff, leased_until = null, leased_by = null
            where url = @url
            """, new { url, error, backoff }, cancellationToken: ct));
    }

    public async Task<FeedRow?> GetAsync(string url, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition($"select {Columns} from feeds where url = @url",
            new { url }, cancellationToken: ct));
    }

    /// <summary>Pauses or resumes a feed; a resumed feed is due at once. False when the feed is unknown.</summary>
    public async Task<bool> SetPausedAsync(string url, bool paused, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("""
            update feeds set paused = @paused, next_poll_at = case when @paused then next_poll_at else now() end where url = @url
            """, new { url, paused }, cancellationToken: ct)) > 0;
    }

    /// <summary>Removes a feed (pages already fetched stay). False when the feed is unknown.</summary>
    public async Task<bool> RemoveAsync(string url, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition("delete from feeds where url = @url", new { url }, cancellationToken: ct)) > 0;
    }
}
