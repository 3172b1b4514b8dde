using Dapper;
using Ingestion.Enricher.Domain.Duplicates;
using Npgsql;

namespace Ingestion.Enricher;

/// <summary>
/// Stored MinHash signatures with their LSH bands: finds the earliest other article that is a near-duplicate (a shared
/// band, then an estimated Jaccard similarity of at least Enricher:DuplicateMinSimilarity, 0.3). Everything is looked up
/// in PostgreSQL, so a restarted enricher (or another instance) sees every article enriched before. "Earliest" is the
/// article whose first revision was enriched first (the <c>created_at</c> of its first stored signature; ties: the
/// smaller id): a copy of a copy links to the original, not to whichever id sorts first. An article that was already
/// enriched in an earlier revision is compared only with articles first seen before it, so a corrected original never
/// becomes a duplicate of its own copies.
/// </summary>
public sealed class FingerprintIndex(NpgsqlDataSource dataSource, IConfiguration configuration)
{
    readonly double minSimilarity = configuration.GetValue("Enricher:DuplicateMinSimilarity", MinHash.DefaultThreshold);

    public async Task<string?> FindDuplicateAsync(string articleId, ulong[] signature, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // When the article has been enriched before (an earlier revision), only articles first seen before it qualify.
        var self = await conn.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select min(created_at) from minhash_signatures where article_id = @articleId", new { articleId }, cancellationToken: ct));
        var candidates = await conn.QueryAsync<(string ArticleId, byte[] Signature, DateTime FirstSeen)>(new CommandDefinition("""
            select distinct on (s.article_id) s.article_id, s.signature, first.seen
            from minhash_bands b join minhash_signatures s on s.article_id = b.article_id
            cross join lateral (select min(created_at) as seen from minhash_signatures s0 where s0.article_id = s.article_id) first
            where b.band_key = any(@bands) and b.article_id <> @articleId and (@self::timestamptz is null or first.seen < @self)
            order by s.article_id, s.revision desc
            """, new { bands = MinHash.Bands(signature), articleId, self }, cancellationToken: ct));
        return candidates
            .Where(c => MinHash.Similarity(signature, MinHash.FromBytes(c.Signature)) >= minSimilarity)
            .OrderBy(c => c.FirstSeen)
            .ThenBy(c => c.ArticleId, StringComparer.Ordinal)
            .Select(c => c.ArticleId)
            .FirstOrDefault();
    }

    /// <summary>Records the signature and its bands in the caller's transaction (idempotent).</summary>
    public static Task AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, int revision, ulong[] signature) =>
        conn.ExecuteAsync("""
            insert into minhash_signatures (article_id, revision, signature) values (@articleId, @revision, @signature)
            on conflict do nothing;
            insert into minhash_bands (band_key, article_id) select unnest(@bandKeys), @articleId
            on conflict do nothing;
            """, new { articleId, revision, signature = MinHash.ToBytes(signature), bandKeys = MinHash.Bands(signature) }, tx);
}
