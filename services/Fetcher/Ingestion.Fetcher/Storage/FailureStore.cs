using Dapper;
using Npgsql;

namespace Ingestion.Fetcher.Storage;

/// <summary>Article URLs whose download failed, with exponential backoff between attempts.</summary>
public sealed class FailureStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Claims the download of an article URL until now + <paramref name="lease"/>: true unless another fetcher is
    /// downloading it or it is backing off after a failure (or given up). A first attempt is claimed with a row of
    /// 0 attempts, which the download's end clears (<see cref="ClearAsync"/>) or counts (<see cref="RecordAsync"/>); a
    /// claim whose fetcher died runs out and is taken over.
    /// </summary>
    public async Task<bool> TryClaimAsync(string articleId, string url, TimeSpan lease, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
            insert into fetch_failures (article_id, url, attempts, last_error, next_attempt_at)
            values (@articleId, @url, 0, '', now() + @lease)
            on conflict (article_id) do update set next_attempt_at = excluded.next_attempt_at
                where fetch_failures.next_attempt_at <= now()
            returning attempts
            """, new { articleId, url, lease }, cancellationToken: ct)) is not null;
    }

    /// <summary>Counts a failed attempt; returns the number of attempts so far.</summary>
    public async Task<int> RecordAsync(string articleId, string url, string error, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
            insert into fetch_failures (article_id, url, attempts, last_error, next_attempt_at)
            values (@articleId, @url, 1, @error, now() + interval '1 minute')
            on conflict (article_id) do update set
                attempts = fetch_failures.attempts + 1, last_error = excluded.last_error,
                next_attempt_at = now() + least(interval '1 day', interval '1 minute' * power(2, fetch_failures.attempts))
            returning attempts
            """, new { articleId, url, error }, cancellationToken: ct));
    }

    public async Task ClearAsync(string articleId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("delete from fetch_failures where article_id = @articleId", new { articleId },
            cancellationToken: ct));
    }

    /// <summary>Stops retrying a URL for good (after too many attempts), keeping the row for operators.</summary>
    public async Task GiveUpAsync(string articleId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "update fetch_failures set next_attempt_at = 'infinity' where article_id = @articleId", new { articleId },
                cancellationToken: ct));
    }
}
