using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ingestion.Hosting.Persistence;

/// <summary>
/// Applies versioned SQL files to a service's own schema. Migrations are embedded resources named
/// <c>Migrations/NNNN_description.sql</c> in the service's assembly (and in shared assemblies whose tables the service
/// opts into); each runs once, in its own transaction, in order, recorded in <c>schema_migrations</c> by component
/// (assembly) and version. An advisory lock makes concurrent starts of the same service safe.
/// The SQL names no schema: it runs with <c>search_path</c> set to the service's schema.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, string schema, ILogger<SchemaMigrator> logger)
{
    public string Schema { get; } = ValidSchema(schema);

    public async Task MigrateAsync(IEnumerable<Assembly> assemblies, CancellationToken ct)
    {
        foreach (var assembly in assemblies)
            await MigrateAsync(assembly, ct);
    }

    async Task MigrateAsync(Assembly assembly, CancellationToken ct)
    {
        var component = assembly.GetName().Name!;
        foreach (var (version, name, sql) in Discover(assembly))
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync($"""
                select pg_advisory_xact_lock(hashtext('ingestion-migrations:{Schema}'));
                create schema if not exists "{Schema}";
                set local search_path to "{Schema}", public;
                create table if not exists schema_migrations (
                    component text not null, version int not null, name text not null,
                    applied_at timestamptz not null default now(), primary key (component, version));
                """, transaction: tx);
            var applied = await conn.ExecuteScalarAsync<int>(
                "select count(*) from schema_migrations where component = @component and version = @version", new { component, version },
                    tx);
            if (applied > 0) { await tx.RollbackAsync(ct); continue; }
            await conn.ExecuteAsync(sql, transaction: tx);
            await conn.ExecuteAsync("insert into schema_migrations (component, version, name) values (@component, @version, @name)",
                new { component, version, name }, tx);
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied migration {Component} {Version} {Name} to schema {Schema}", component, version, name, Schema);
        }
    }

    static List<(int Version, string Name, string Sql)> Discover(Assembly assembly)
    {
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var m = MigrationName().Match(resource);
            if (!m.Success) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((int.Parse(m.Groups["v"].Value), m.Groups["n"].Value, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < list.Count; i++)
            if (list[i].Item1 == list[i - 1].Item1)
                throw new InvalidOperationException($"Two migrations share version {list[i].Item1} in {assembly.GetName().Name}.");
        return list;
    }

    static string ValidSchema(string schema) =>
        SchemaName().IsMatch(schema) ? schema
            : throw new ArgumentException($"Invalid schema name '{schema}': use lower-case letters, digits and _.");

    [GeneratedRegex(@"Migrations\.(?<v>\d{4})_(?<n>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
