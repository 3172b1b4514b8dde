using System.Text.Json;
using Dapper;
using Npgsql;

namespace Ingestion.Hosting.Stages;

/// <summary>
/// Makes a stage idempotent: the first delivery of an article revision computes and stores the stage's outcome;
/// every later delivery (a redelivery after a crash, a retry, a replay) gets the stored outcome back, to publish again.
/// Table <c>stage_results</c> in the service's schema (a service opts in with <c>builder.AddStageResults()</c>).
/// </summary>
public sealed class StageResultStore(NpgsqlDataSource dataSource)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StageOutcome<T>> GetOrComputeAsync<T>(
        string articleId, int revision, Func<CancellationToken, Task<StageOutcome<T>>> compute, CancellationToken ct,
        Func<NpgsqlConnection, NpgsqlTransaction, StageOutcome<T>, CancellationToken, Task<StageOutcome<T>>>? completeInTransaction = null
        ) where T : class
    {
        if (await FindAsync<T>(articleId, revision, ct) is { } stored)
            return stored;

        var outcome = await compute(ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (completeInTransaction is null)
        {
            // One statement, one round trip: nothing else has to commit with it.
            if (await InsertAsync(conn, null, articleId, revision, outcome, ct) == 0)
                return (await FindAsync<T>(articleId, revision, ct))!;
            return outcome;
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        // What must be decided against other writers (the enricher's near-duplicate link) is decided in the transaction that
        // stores the outcome, before it is stored: the hook's writes and the outcome commit together, or not at all.
        outcome = await completeInTransaction(conn, tx, outcome, ct);
        if (await InsertAsync(conn, tx, articleId, revision, outcome, ct) == 0)
        {
            // Another delivery of the same revision won the race: its stored result is the answer.
            await tx.RollbackAsync(ct);
            return (await FindAsync<T>(articleId, revision, ct))!;
        }
        await tx.CommitAsync(ct);
        return outcome;
    }

    static Task<int> InsertAsync<T>(NpgsqlConnection conn, NpgsqlTransaction? tx, string articleId, int revision,
        StageOutcome<T> outcome, CancellationToken ct) where T : class =>
        conn.ExecuteAsync(new CommandDefinition("""
            insert into stage_results (article_id, revision, output, rejection)
            values (@articleId, @revision, @output::jsonb, @rejection::jsonb)
            on conflict (article_id, revision) do nothing
            """, new
        {
            articleId,
            revision,
            output = outcome.Output is null ? null : JsonSerializer.Serialize(outcome.Output, Json),
            rejection = outcome.Rejection is null ? null : JsonSerializer.Serialize(outcome.Rejection, Json),
        }, tx, cancellationToken: ct));

    public async Task<StageOutcome<T>?> FindAsync<T>(string articleId, int revision, CancellationToken ct) where T : class
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(string? Output, string? Rejection)>(new CommandDefinition(
            "select output::text, rejection::text from stage_results where article_id = @articleId and revision = @revision",
            new { articleId, revision }, cancellationToken: ct));
        if (row.Output is null && row.Rejection is null)
            return null;
        return row.Output is not null
            ? StageOutcome<T>.Ok(JsonSerializer.Deserialize<T>(row.Output, Json)!)
            : StageOutcome<T>.Rejected(JsonSerializer.Deserialize<Contracts.ArticleRejected>(row.Rejection!, Json)!);
    }
}
