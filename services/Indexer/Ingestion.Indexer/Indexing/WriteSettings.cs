using System.Globalization;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// PostgreSQL settings for one write transaction (<c>set local</c>, gone at commit, so searches on other connections keep
/// the server's): for a backlog's batches only, and only when configured, a larger <c>gin_pending_list_limit</c>.
/// </summary>
public static class WriteSettings
{
    /// <summary>The statement for a batch of <paramref name="batchSize"/> messages; null when there is nothing to set. 0 kB leaves the server's limit.</summary>
    public static string? For(int batchSize, int bulkBatch, int bulkPendingListKb) =>
        bulkPendingListKb > 0 && batchSize >= bulkBatch
            ? string.Create(CultureInfo.InvariantCulture,
                $"set local gin_pending_list_limit = {Math.Max(64, bulkPendingListKb)}") // at least 64 kB
            : null;
}
