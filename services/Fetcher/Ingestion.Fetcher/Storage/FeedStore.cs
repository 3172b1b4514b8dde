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

    public async Task<IReadOnlyList<FeedRow>> DueAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<FeedRow>(new CommandDefinition(
            $"select {Columns} from feeds where not paused and next_poll_at <= now() order by next_poll_at",
                cancellationToken: ct))).ToList();
    }

    public async Task SucceededAsync(string url, string kind, string? etag, DateTimeOffset? lastModified, TimeSpan next,
        CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update feeds set kind = @kind, etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
                last_polled_at = now(), last_success_at = now(), last_error = null, error_count = 0,
                next_poll_at = now() + @next
            where url = @url
            """, new { url, kind, etag, lastModified = lastModified?.UtcDateTime, next }, cancellationToken: ct));
    }

    /// <summary>Records a failed poll; the next poll waits <paramref name="backoff"/> (see PollSchedule.AfterFailure).</summary>
    public async Task FailedAsync(string url, string error, TimeSpan backoff, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            update feeds set last_polled_at = now(), last_error = @error, error_count = error_count + 1,
                next_poll_at = now() + @backoff
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
