using Dapper;
using Ingestion.Contracts;
using Npgsql;

namespace Ingestion.Indexer.Indexing;

/// <summary>Keeps every refusal any stage published, so operators (and <c>GET /rejections</c>) can see them.</summary>
public sealed class RejectionLog(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(ArticleRejected r, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            insert into rejections (article_id, revision, stage, url, reason, detail, rejected_at, title, published, language)
            values (@ArticleId, @Revision, @Stage, @Url, @Reason, @Detail, @RejectedAt, @Title, @Published, @Language)
            on conflict do nothing
            """, new
            {
                r.ArticleId, r.Revision, r.Stage, r.Url, r.Reason, r.Detail, RejectedAt = r.RejectedAt.UtcDateTime,
                r.Title, Published = r.Published?.UtcDateTime, r.Language,
            },
            cancellationToken: ct));
    }
}
