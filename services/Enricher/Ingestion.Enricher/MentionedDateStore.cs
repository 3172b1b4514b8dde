using Dapper;
using Ingestion.Contracts;
using Npgsql;

namespace Ingestion.Enricher;

/// <summary>Keeps the dates an enriched article mentions (table mentioned_dates, migration 0003).</summary>
public static class MentionedDateStore
{
    /// <summary>Records the dates of one article revision in the caller's transaction (idempotent).</summary>
    public static Task AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string articleId, int revision, IReadOnlyList<MentionedDate> dates) =>
        dates.Count == 0
            ? Task.CompletedTask
            : conn.ExecuteAsync("""
                insert into mentioned_dates (article_id, revision, start_char, end_char, text, date, granularity)
                select @articleId, @revision, d.start_char, d.end_char, d.text, d.date, d.granularity
                from unnest(@starts, @ends, @texts, @days, @granularities) as d(start_char, end_char, text, date, granularity)
                on conflict do nothing
                """, new
                {
                    articleId, revision,
                    starts = dates.Select(d => d.Start).ToArray(),
                    ends = dates.Select(d => d.End).ToArray(),
                    texts = dates.Select(d => d.Text).ToArray(),
                    days = dates.Select(d => d.Date).ToArray(),
                    granularities = dates.Select(d => d.Granularity).ToArray(),
                }, tx);
}
