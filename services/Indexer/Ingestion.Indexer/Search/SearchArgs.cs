using System.Data;
using Dapper;
using Npgsql;

namespace Ingestion.Indexer.Search;

/// <summary>
/// The parameters of a search's statements, handed to Npgsql as they are. Dapper's <see cref="DynamicParameters"/>
/// reads back each parameter's <c>DbType</c> after setting it, and for an <see cref="NpgsqlParameter"/> that read goes
/// through Npgsql's global type mapper: in a profile of the search harness, a quarter of the indexer's own CPU per
/// search (a search runs about seven statements, each with every parameter). Here Npgsql infers each type once,
/// when it binds. A null goes as an untyped null, as with Dapper; dates must be UTC (they are: timestamptz).
/// </summary>
public sealed class SearchArgs : SqlMapper.IDynamicParameters
{
    private readonly Dictionary<string, object?> values = new(StringComparer.Ordinal);

    public void Add(string name, object? value) => values[name] = value;

    /// <summary>A statement of an <see cref="NpgsqlBatch"/> with these parameters.</summary>
    public NpgsqlBatchCommand BatchCommand(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddTo(command.Parameters);
        return command;
    }

    /// <summary>A command on <paramref name="connection"/> with these parameters.</summary>
    public NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddTo(command.Parameters);
        return command;
    }

    void SqlMapper.IDynamicParameters.AddParameters(IDbCommand command, SqlMapper.Identity identity) =>
        AddTo(((NpgsqlCommand)command).Parameters);

    void AddTo(NpgsqlParameterCollection parameters)
    {
        foreach (var (name, value) in values) parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
    }
}
