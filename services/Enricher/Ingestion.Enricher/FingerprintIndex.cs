using Dapper;
using Ingestion.Enricher.Domain;
using Npgsql;

namespace Ingestion.Enricher;

/// <summary>Stored SimHash fingerprints with LSH bands: finds the earliest other article within a Hamming distance.</summary>
public sealed class FingerprintIndex(NpgsqlDataSource dataSource, IConfiguration configuration)
{
    readonly int maxDistance = configuration.GetValue("Enricher:DuplicateMaxDistance", 3);

    public async Task<string?> FindDuplicateAsync(string articleId, ulong fingerprint, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var candidates = await conn.QueryAsync<(string ArticleId, long Fingerprint)>(new CommandDefinition("""
            select distinct on (f.article_id) f.article_id, f.fingerprint
            from fingerprint_bands b join fingerprints f on f.article_id = b.article_id
            where b.band = any(@bands) and b.article_id <> @articleId
            order by f.article_id, f.revision desc
            """, new { bands = SimHash.Bands(fingerprint).ToArray(), articleId }, cancellationToken: ct));
        return candidates
            .Where(c => SimHash.Distance(fingerprint, unchecked((ulong)c.Fingerprint)) <= maxDistance)
            .Select(c => c.ArticleId)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Records a fingerprint in the caller's transaction (idempotent).</summary>
    public static Task AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, int revision, ulong fingerprint) =>
        conn.ExecuteAsync("""
            insert into fingerprints (article_id, revision, fingerprint) values (@articleId, @revision, @fp)
            on conflict do nothing;
            insert into fingerprint_bands (band, article_id) select unnest(@bands), @articleId
            on conflict do nothing;
            """, new { articleId, revision, fp = unchecked((long)fingerprint), bands = SimHash.Bands(fingerprint).ToArray() }, tx);
}
