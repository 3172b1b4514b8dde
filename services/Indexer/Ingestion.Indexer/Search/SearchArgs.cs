using System.Data;
using Dapper;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>
/// The parameters of a search's statements, handed to Npgsql as they are. Dapper's <see cref="DynamicParameters"/>
/// reads back each parameter's <c>DbType</c> after setting it, and for an <see cref="NpgsqlParameter"/> that read asks
/// Npgsql's global type mapper to resolve the value's type again: a search's seven statements with about twenty
/// parameters each spent more CPU on that than on anything else in the indexer. Here Npgsql infers each type once,
/// when it binds. A null goes as an untyped null, as with Dapper; dates must be UTC (they are: timestamptz).
/// </summary>
public sealed class SearchArgs : SqlMapper.IDynamicParameters
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public void Add(string name, object? value) => _values[name] = value;

    void SqlMapper.IDynamicParameters.AddParameters(IDbCommand command, SqlMapper.Identity identity)
    {
        var parameters = ((NpgsqlCommand)command).Parameters;
        foreach (var (name, value) in _values) parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
    }
}
