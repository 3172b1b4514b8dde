using Dapper;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>
/// The newest and oldest sort times in the index and how many articles it holds (planner statistics): what sizes a
/// ranked search's windows (<see cref="SearchQueries"/>). Read at most once per <see cref="Refresh"/> and shared by all
/// searches, instead of one statement per search. A span a few seconds old changes only how much one window reads, never
/// which articles match: every window's bounds are conditions in its SQL, and a tier the span cannot size is read to its
/// end in one statement.
/// </summary>
public sealed class TableTimeSpan
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);

    public sealed record Span(DateTime? Newest, DateTime? Oldest, double Articles);

    sealed record Read(Span Span, long AtMs);

    volatile Read? last;

    public async ValueTask<Span> GetAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var now = Environment.TickCount64;
        if (this.last is { } last && now - last.AtMs < Refresh.TotalMilliseconds) return last.Span;
        var span = await conn.QuerySingleAsync<Span>(new CommandDefinition(SearchSql.SortTimeSpan, cancellationToken: ct));
        this.last = new Read(span, now);
        return span;
    }
}
