using System.Collections.Concurrent;
using Ingestion.Indexer.Domain;
using Npgsql;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// What PostgreSQL said about text, per text-search configuration, kept for the life of the process: how its parser
/// splits a chunk (<c>ts_parse</c>) and a word's lexemes from the dictionary its token type maps to (<c>ts_lexize</c>).
/// Thread-safe; asked a batch of unknowns at a time.
/// </summary>
public sealed class TextSearchAnswers
{
    /// <summary>Token types above this (none in PostgreSQL's default parser, which has 23) are left to PostgreSQL.</summary>
    public const int MaxTokenType = 64;

    /// <summary>A word the configuration maps to more than one dictionary, or that its dictionary does not recognise.</summary>
    public static readonly string[] Unsupported = ["\0unsupported"];

    /// <summary>The answers for one configuration.</summary>
    public sealed class OfConfig
    {
        /// <summary>Chunks as the parser splits them (the blanks too).</summary>
        public readonly ConcurrentDictionary<string, VectorText.Piece[]> Chunks = new();

        /// <summary>Per token type, a word's lexemes (empty for a stop word); null when the configuration does not index the type.</summary>
        public readonly ConcurrentDictionary<string, string[]?>[] Words =
            Enumerable.Range(0, MaxTokenType).Select(_ => new ConcurrentDictionary<string, string[]?>()).ToArray();

        /// <summary>The same lookups by the span of a word in its body (no string made to look one up).</summary>
        public readonly ConcurrentDictionary<string, string[]?>.AlternateLookup<ReadOnlySpan<char>>[] WordsBySpan;

        /// <summary>One string per lexeme, so a body's lexemes are told apart by reference.</summary>
        public readonly ConcurrentDictionary<string, string> Lexemes = new();

        public OfConfig() => WordsBySpan = Words.Select(w => w.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

        public int Count => Chunks.Count + Words.Sum(w => w.Count);
    }

    readonly ConcurrentDictionary<string, OfConfig> configs = new();

    public OfConfig For(string config) => configs.GetOrAdd(config, _ => new OfConfig());

    /// <summary>Chunks and words remembered, over all configurations.</summary>
    public long Count => configs.Values.Sum(c => (long)c.Count);

    public void Clear() => configs.Clear();

    /// <summary>Splits chunks with the configuration's parser, remembering their tokens in order.</summary>
    public async Task ParseAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, HashSet<(string Config, string Chunk)> unknown, CancellationToken ct)
    {
        if (unknown.Count == 0) return;
        var keys = unknown.ToArray();
        await using var cmd = new NpgsqlCommand("""
            select t.i, p.tokid, p.token
            from unnest(@cfg, @chunk) with ordinality as t(cfg, chunk, i)
            cross join lateral ts_parse((select c.cfgparser from pg_ts_config c where c.oid = t.cfg::regconfig), t.chunk)
                 with ordinality as p(tokid, token, k)
            order by t.i, p.k
            """, conn, tx);
        cmd.Parameters.AddWithValue("cfg", keys.Select(k => k.Config).ToArray());
        cmd.Parameters.AddWithValue("chunk", keys.Select(k => k.Chunk).ToArray());
        var tokens = keys.Select(_ => new List<VectorText.Piece>()).ToArray();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var token = reader.GetString(2);
                tokens[reader.GetInt64(0) - 1].Add(new VectorText.Piece(reader.GetInt32(1), 0, token.Length, token));
            }
        for (var i = 0; i < keys.Length; i++)
            For(keys[i].Config).Chunks[keys[i].Chunk] = tokens[i].ToArray();
    }

    /// <summary>Asks each word's dictionary (the one its token type maps to in the configuration) for its lexemes.</summary>
    public async Task LexizeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, HashSet<(string Config, int Type, string Word)> unknown, CancellationToken ct)
    {
        if (unknown.Count == 0) return;
        var keys = unknown.ToArray();
        await using var cmd = new NpgsqlCommand("""
            select t.i, m.dicts,
                   (select ts_lexize(d.mapdict::regdictionary, t.word) from pg_ts_config_map d
                    where d.mapcfg = t.cfg::regconfig and d.maptokentype = t.type order by d.mapseqno limit 1)
            from unnest(@cfg, @type, @word) with ordinality as t(cfg, type, word, i)
            cross join lateral (select count(*)::int as dicts from pg_ts_config_map d
                                where d.mapcfg = t.cfg::regconfig and d.maptokentype = t.type) m
            """, conn, tx);
        cmd.Parameters.AddWithValue("cfg", keys.Select(k => k.Config).ToArray());
        cmd.Parameters.AddWithValue("type", keys.Select(k => k.Type).ToArray());
        cmd.Parameters.AddWithValue("word", keys.Select(k => k.Word).ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (config, type, word) = keys[reader.GetInt64(0) - 1];
            var dicts = reader.GetInt32(1);
            var found = reader.IsDBNull(2) ? null : reader.GetFieldValue<string[]>(2);
            var known = For(config);
            known.Words[type][word] = dicts == 0 ? null
                : dicts > 1 || found is null || found.Length > 1 ? Unsupported
                : found.Select(l => known.Lexemes.GetOrAdd(l, l)).ToArray();
        }
    }
}
