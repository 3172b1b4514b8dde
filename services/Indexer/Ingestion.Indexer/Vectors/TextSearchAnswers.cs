using System.Text;
using Npgsql;

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// What PostgreSQL said about text, per text-search configuration, kept for the life of the process: how its parser
/// splits a chunk (<c>ts_parse</c>) and a word's lexemes from the dictionary its token type maps to (<c>ts_lexize</c>).
/// Asked a batch of unknowns at a time. Every lexeme gets a number within its configuration, with its UTF-8 bytes and
/// sort key computed once, so that building a vector looks up each word once and then works with numbers.
/// Thread-safe: vectors are built under <see cref="Read"/> (many builders at once), answers are added under a write lock.
/// </summary>
public sealed class TextSearchAnswers
{
    /// <summary>Token types above this (none in PostgreSQL's default parser, which has 23) are left to PostgreSQL.</summary>
    public const int MaxTokenType = 64;

    /// <summary>A word the configuration maps to more than one dictionary, or that its dictionary does not recognise.</summary>
    public static readonly int[] Unsupported = [-1];

    static readonly int[] StopWord = [];

    /// <summary>A lexeme as a vector needs it: its text, its UTF-8 bytes and its <see cref="LexemeOrder.Key"/>.</summary>
    public readonly record struct Lexeme(string Text, byte[] Utf8, ulong Key);

    /// <summary>The answers for one configuration. Read only under <see cref="Read"/>.</summary>
    public sealed class OfConfig
    {
        /// <summary>Chunks as the parser splits them (the blanks too).</summary>
        public readonly Dictionary<string, VectorText.Piece[]> Chunks = new();

        /// <summary>Per token type, a word's lexeme numbers (empty for a stop word); null when the configuration does not index the type.</summary>
        readonly Dictionary<string, int[]?>[] words =
            Enumerable.Range(0, MaxTokenType).Select(_ => new Dictionary<string, int[]?>()).ToArray();

        /// <summary>The same lookups by the span of a word in its text (no string made to look one up).</summary>
        public readonly Dictionary<string, int[]?>.AlternateLookup<ReadOnlySpan<char>>[] WordsBySpan;

        readonly Dictionary<string, int> lexemeNumbers = new();

        /// <summary>The lexemes by number.</summary>
        public readonly List<Lexeme> Lexemes = [];

        public OfConfig() => WordsBySpan = words.Select(w => w.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();

        public int Count => Chunks.Count + words.Sum(w => w.Count);

        internal void SetWord(int type, string word, int dictionaries, string[]? found) =>
            words[type][word] = dictionaries == 0 ? null
                : dictionaries > 1 || found is null || found.Length > 1 ? Unsupported
                : found.Length == 0 ? StopWord
                : found.Select(Number).ToArray();

        int Number(string lexeme)
        {
            if (lexemeNumbers.TryGetValue(lexeme, out var n)) return n;
            Lexemes.Add(new Lexeme(lexeme, Encoding.UTF8.GetBytes(lexeme), LexemeOrder.Key(lexeme)));
            return lexemeNumbers[lexeme] = Lexemes.Count - 1;
        }
    }

    readonly Dictionary<string, OfConfig> configs = new();
    readonly ReaderWriterLockSlim gate = new();

    /// <summary>Held while vectors are built (synchronously: not across an await); answers are added meanwhile only by waiting.</summary>
    public ReadScope Read()
    {
        gate.EnterReadLock();
        return new ReadScope(gate);
    }

    public readonly struct ReadScope(ReaderWriterLockSlim gate) : IDisposable
    {
        public void Dispose() => gate.ExitReadLock();
    }

    /// <summary>The answers for <paramref name="config"/>, null when none are known yet. Call under <see cref="Read"/>.</summary>
    public OfConfig? For(string config) => configs.GetValueOrDefault(config);

    /// <summary>Chunks and words remembered, over all configurations.</summary>
    public long Count
    {
        get
        {
            using (Read()) return configs.Values.Sum(c => (long)c.Count);
        }
    }

    public void Clear() => Write(configs.Clear);

    /// <summary>Splits chunks with the configuration's parser, remembering their tokens in order.</summary>
    public async Task ParseAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, HashSet<(string Config, string Chunk)> unknown,
        CancellationToken ct)
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
        Write(() =>
        {
            for (var i = 0; i < keys.Length; i++)
                ForWriting(keys[i].Config).Chunks[keys[i].Chunk] = tokens[i].ToArray();
        });
    }

    /// <summary>Asks each word's dictionary (the one its token type maps to in the configuration) for its lexemes.</summary>
    public async Task LexizeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, HashSet<(string Config, int Type, string Word)> unknown,
        CancellationToken ct)
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
        var answers = new List<(long Key, int Dictionaries, string[]? Found)>(keys.Length);
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                answers.Add((reader.GetInt64(0) - 1, reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<string[]>(2)));
        Write(() =>
        {
            foreach (var (key, dictionaries, found) in answers)
            {
                var (config, type, word) = keys[key];
                ForWriting(config).SetWord(type, word, dictionaries, found);
            }
        });
    }

    OfConfig ForWriting(string config)
    {
        if (!configs.TryGetValue(config, out var known)) configs[config] = known = new OfConfig();
        return known;
    }

    void Write(Action change)
    {
        gate.EnterWriteLock();
        try { change(); }
        finally { gate.ExitWriteLock(); }
    }
}
