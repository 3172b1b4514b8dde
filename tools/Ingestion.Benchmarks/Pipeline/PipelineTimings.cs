using Npgsql;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>
/// When the pages went through, from the services' own tables (one database, a schema each): the first page fetched
/// (fetcher.pages.fetched_at) to the last article indexed (indexer.revisions.indexed_at) or rejected
/// (indexer.rejections.rejected_at, the time the refusing stage decided), and each indexed revision's latency from
/// fetched to indexed (p50, p95, p99, max).
/// </summary>
internal sealed record PipelineTimings(DateTime? FirstFetched, DateTime? LastDone, long IndexedRevisions, double P50Ms, double P95Ms,
    double P99Ms, double MaxMs)
{
    public TimeSpan Span => FirstFetched is { } first && LastDone is { } last ? last - first : TimeSpan.Zero;

    public static async Task<PipelineTimings> ReadAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            with latency as (
                select extract(epoch from r.indexed_at - p.fetched_at) * 1000 as ms
                from indexer.revisions r join fetcher.pages p on p.article_id = r.article_id and p.revision = r.revision
                where r.event is not null)
            select (select min(fetched_at) from fetcher.pages),
                   greatest((select max(indexed_at) from indexer.revisions where event is not null),
                            (select max(rejected_at) from indexer.rejections)),
                   (select count(*) from latency),
                   coalesce((select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by ms) from latency), array[0, 0, 0]::float8[]),
                   coalesce((select max(ms) from latency), 0)::float8
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        var p = reader.GetFieldValue<double[]>(3);
        return new PipelineTimings(reader.IsDBNull(0) ? null : reader.GetDateTime(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1),
            reader.GetInt64(2), p[0], p[1], p[2], reader.GetDouble(4));
    }
}
