using Dapper;
using Ingestion.Enricher.Domain.Embeddings;
using Npgsql;

namespace Ingestion.Enricher;

/// <summary>Keeps the encoder's vector of an enriched article (table article_embeddings, migration 0004).</summary>
public static class EmbeddingStore
{
    /// <summary>Records the vector of one article revision in the caller's transaction (idempotent); nothing when there is none.</summary>
    public static Task AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, int revision, IReadOnlyList<float>? embedding) =>
        embedding is null
            ? Task.CompletedTask
            : conn.ExecuteAsync("""
                insert into article_embeddings (article_id, revision, model, embedding)
                values (@articleId, @revision, @model, @embedding)
                on conflict do nothing
                """, new { articleId, revision, model = ArticleEncoder.ModelName, embedding = embedding.ToArray() }, tx);
}
