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
/// <para>
/// Several enrichers (processes, or consumers of one) link copies that arrive at the same moment: the look-up and the
/// insert run in one transaction that first takes a transaction lock on each of the signature's bands
/// (<c>pg_advisory_xact_lock</c>, in ascending order, so two writers never wait on each other in a cycle). Two
/// near-duplicates share a band, so the second waits until the first has committed and then finds it (docs/enricher.md,
/// "Several enrichers").
/// </para>
/// </summary>
public sealed class FingerprintIndex(IConfiguration configuration)
{
    readonly double minSimilarity = configuration.GetValue("Enricher:DuplicateMinSimilarity", MinHash.DefaultThreshold);

    /// <summary>
    /// In the caller's transaction: locks the signature's bands, looks up the earliest near-duplicate, and records the
    /// signature and its bands (idempotent). Returns the near-duplicate's id, or null. The locks are held until the caller
    /// commits or rolls back.
    /// </summary>
    public async Task<string?> LinkAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, int revision, ulong[] signature,
        CancellationToken ct)
    {
        var bands = MinHash.Bands(signature);
        await conn.ExecuteAsync(new CommandDefinition(
            "select pg_advisory_xact_lock(hashtext('enricher-minhash-band'), k) from unnest(@locks) as t(k)",
            new { locks = BandLocks(bands) }, tx, cancellationToken: ct));
        var duplicateOf = await FindDuplicateAsync(conn, tx, articleId, signature, bands, ct);
        // clock_timestamp(), not now(): a writer that waited for the band locks must not appear first seen before the
        // article it waited for (now() is when its transaction began).
        await conn.ExecuteAsync(new CommandDefinition("""
            insert into minhash_signatures (article_id, revision, signature, created_at)
            values (@articleId, @revision, @signature, clock_timestamp())
            on conflict do nothing;
            insert into minhash_bands (band_key, article_id) select unnest(@bands), @articleId
            on conflict do nothing;
            """, new { articleId, revision, signature = MinHash.ToBytes(signature), bands }, tx, cancellationToken: ct));
        return duplicateOf;
    }

    /// <summary>
    /// The keys of the band locks, in the order they are taken: ascending, each once. A band key (64 bits) is folded to
    /// the second half of a two-key advisory lock whose first half names these locks; two bands folding to one key only
    /// make their writers wait for each other.
    /// </summary>
    public static int[] BandLocks(IReadOnlyList<long> bands) =>
        bands.Select(b => unchecked((int)(b ^ (b >> 32)))).Distinct().Order().ToArray();

    async Task<string?> FindDuplicateAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, ulong[] signature, long[] bands,
        CancellationToken ct)
    {
        // When the article has been enriched before (an earlier revision), only articles first seen before it qualify.
        var self = await conn.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select min(created_at) from minhash_signatures where article_id = @articleId", new { articleId }, tx, cancellationToken: ct));
        var candidates = await conn.QueryAsync<(string ArticleId, byte[] Signature, DateTime FirstSeen)>(new CommandDefinition("""
            select distinct on (s.article_id) s.article_id, s.signature, first.seen
            from minhash_bands b join minhash_signatures s on s.article_id = b.article_id
            cross join lateral (select min(created_at) as seen from minhash_signatures s0 where s0.article_id = s.article_id) first
            where b.band_key = any(@bands) and b.article_id <> @articleId and (@self::timestamptz is null or first.seen < @self)
            order by s.article_id, s.revision desc
            """, new { bands, articleId, self }, tx, cancellationToken: ct));
        return candidates
            .Where(c => MinHash.Similarity(signature, MinHash.FromBytes(c.Signature)) >= minSimilarity)
            .OrderBy(c => c.FirstSeen)
            .ThenBy(c => c.ArticleId, StringComparer.Ordinal)
            .Select(c => c.ArticleId)
            .FirstOrDefault();
    }
}
