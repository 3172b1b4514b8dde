using System.Collections.Concurrent;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// Builds an article's text vectors in this process, equal to the ones the write statement's <c>to_tsvector</c>
/// expressions build: the head, <c>setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config,
/// coalesce(description, summary)), 'B')</c>, and the whole, the head followed by <c>setweight(to_tsvector(config, body),
/// 'C')</c> — so that PostgreSQL parses no text (its parser was about half of the database's work per article).
/// PostgreSQL still decides everything: <see cref="VectorText"/> splits plain words the way its parser does, any other
/// chunk is split by PostgreSQL's parser, and every word's lexemes come from the configuration's own dictionary
/// (<see cref="TextSearchAnswers"/>, which remembers the answers, so after the first batches almost nothing is asked).
/// Texts this cannot reproduce exactly (a body over 300,000 characters, a tag, a word over 2,047 bytes, positions past
/// 16,382, a lexeme repeated 255 times, a token type with a chain of dictionaries) get null: PostgreSQL builds that
/// article's vectors itself. <paramref name="maxCachedEntries"/> bounds the memory (the answers are forgotten when there
/// are more); 0 turns this off and PostgreSQL builds every vector.
/// </summary>
public sealed class TextVectors(int maxCachedEntries = TextVectors.DefaultCachedEntries)
{
    public const int DefaultCachedEntries = 200_000;

    /// <summary>An article's texts: its configuration, title (weight A), description or else summary (B), body (C).</summary>
    public readonly record struct Texts(string Config, string Title, string Lead, string Body);

    /// <summary>The head (title and lead) and the whole vector (head, then body).</summary>
    public sealed record Vectors(TsVectorBytes Head, TsVectorBytes Whole);

    /// <summary>What a batch still has to ask PostgreSQL.</summary>
    sealed class Unknown
    {
        public readonly HashSet<(string Config, string Chunk)> Chunks = [];
        public readonly HashSet<(string Config, int Type, string Word)> Words = [];
    }

    readonly TextSearchAnswers answers = new();
    static readonly TextSearchAnswers.OfConfig NothingKnown = new();
    readonly ConcurrentBag<VectorScratch> scratches = [];
    long builtHere, leftToPostgres;

    public bool Enabled => maxCachedEntries > 0;

    /// <summary>Since the process started: articles vectorised here, articles left to PostgreSQL, and the answers remembered now.</summary>
    public (long BuiltHere, long LeftToPostgres, long Remembered) Counts =>
        (Interlocked.Read(ref builtHere), Interlocked.Read(ref leftToPostgres), answers.Count);

    /// <summary>The vectors of <paramref name="docs"/> (null where PostgreSQL must build them), asking PostgreSQL what is not known yet.</summary>
    public async Task<Vectors?[]> BuildAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<Texts> docs, CancellationToken ct)
    {
        if (!Enabled) return new Vectors?[docs.Count];
        var scratch = scratches.TryTake(out var reused) ? reused : new VectorScratch();
        Vectors?[] result;
        try
        {
            result = await BuildBatchAsync(conn, tx, docs, scratch, ct);
        }
        finally
        {
            if (scratch.Pieces.Capacity <= VectorScratch.KeptCapacity) scratches.Add(scratch); // a huge body's lists are not kept
        }
        var built = result.Count(v => v is not null);
        Interlocked.Add(ref builtHere, built);
        Interlocked.Add(ref leftToPostgres, result.Length - built);
        return result;
    }

    async Task<Vectors?[]> BuildBatchAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<Texts> docs,
        VectorScratch scratch, CancellationToken ct)
    {
        var result = new Vectors?[docs.Count];
        var unknown = new Unknown();
        var incomplete = new bool[docs.Count];
        using (answers.Read())
            for (var i = 0; i < docs.Count; i++)
                result[i] = Build(docs[i], scratch, unknown, out incomplete[i]);
        if (unknown.Chunks.Count + unknown.Words.Count == 0) return result;

        // Chunks first: their tokens are words to look up too (a second pass finds those). Then the articles that missed
        // an answer, again.
        if (unknown.Chunks.Count > 0)
        {
            await answers.ParseAsync(conn, tx, unknown.Chunks, ct);
            using (answers.Read())
                for (var i = 0; i < docs.Count; i++)
                    if (incomplete[i])
                        Build(docs[i], scratch, unknown, out _);
        }
        await answers.LexizeAsync(conn, tx, unknown.Words, ct);
        using (answers.Read())
            for (var i = 0; i < docs.Count; i++)
                if (incomplete[i])
                    result[i] = Build(docs[i], scratch, null, out _);
        if (answers.Count > maxCachedEntries) answers.Clear();
        return result;
    }

    /// <summary>
    /// The vectors of one article from the answers known; null when they must be left to PostgreSQL, or, with
    /// <paramref name="incomplete"/>, when an answer is missing (then every missing one is added to <paramref name="unknown"/>).
    /// Called under <see cref="TextSearchAnswers.Read"/>.
    /// </summary>
    Vectors? Build(Texts doc, VectorScratch scratch, Unknown? unknown, out bool incomplete)
    {
        incomplete = false;
        scratch.Clear();
        var known = answers.For(doc.Config) ?? NothingKnown;
        // As tsvector's ||: each text's positions follow the highest position of a lexeme before it.
        var (offset, complete) = (0, true);
        if (!AddText(doc.Config, known, doc.Title, NpgsqlTsVector.Lexeme.Weight.A, scratch, ref offset, ref complete, unknown)
            || !AddText(doc.Config, known, doc.Lead, NpgsqlTsVector.Lexeme.Weight.B, scratch, ref offset, ref complete, unknown))
            return null;
        var headEnd = scratch.Occurrences.Count;
        if (!AddText(doc.Config, known, doc.Body, NpgsqlTsVector.Lexeme.Weight.C, scratch, ref offset, ref complete, unknown))
            return null;
        incomplete = !complete;
        return complete ? new Vectors(scratch.Encode(headEnd, known.Lexemes), scratch.Encode(scratch.Occurrences.Count, known.Lexemes))
            : null;
    }

    /// <summary>One text's tokens, as <c>setweight(to_tsvector(config, text), weight)</c> appended with <c>||</c>.</summary>
    bool AddText(string config, TextSearchAnswers.OfConfig known, string text, NpgsqlTsVector.Lexeme.Weight weight, VectorScratch scratch,
        ref int offset, ref bool complete, Unknown? unknown)
    {
        scratch.Pieces.Clear();
        if (!VectorText.TrySplit(text, scratch.Pieces)) return false;
        var (position, last) = (0, 0);
        foreach (var piece in scratch.Pieces)
        {
            if (piece.Type != VectorText.Chunk)
            {
                if (!Add(config, known, piece.Type, piece.In(text), weight, offset, scratch, ref position, ref last, ref complete, unknown))
                    return false;
                continue;
            }
            if (!known.Chunks.TryGetValue(piece.Text!, out var tokens))
            {
                unknown?.Chunks.Add((config, piece.Text!));
                complete = false;
                continue;
            }
            foreach (var token in tokens)
                if (!Add(config, known, token.Type, token.Text, weight, offset, scratch, ref position, ref last, ref complete, unknown))
                    return false;
        }
        offset += last;
        return true;
    }

    /// <summary>
    /// As PostgreSQL's <c>parsetext</c>: a token of a type the configuration indexes takes the next position (a stop word
    /// too); its lexeme, if any, is recorded there, after <paramref name="offset"/>, and <paramref name="last"/> is the
    /// text's last position holding a lexeme. False where PostgreSQL would do something this does not reproduce; a word
    /// not known yet is noted in <paramref name="unknown"/> and leaves the vectors incomplete.
    /// </summary>
    static bool Add(string config, TextSearchAnswers.OfConfig known, int type, ReadOnlySpan<char> word, NpgsqlTsVector.Lexeme.Weight weight,
        int offset, VectorScratch scratch, ref int position, ref int last, ref bool complete, Unknown? unknown)
    {
        if (type is < 0 or >= TextSearchAnswers.MaxTokenType) return false;
        if (!known.WordsBySpan[type].TryGetValue(word, out var found))
        {
            unknown?.Words.Add((config, type, word.ToString()));
            complete = false;
            return true;
        }
        if (found is null) return true;
        if (ReferenceEquals(found, TextSearchAnswers.Unsupported)) return false;
        if (word.Length >= 2047 / 3 && Encoding.UTF8.GetByteCount(word) >= 2047) return false; // skipped with a notice
        if (++position + offset >= 16383) return false; // positions stop at 16,383
        if (!complete || found.Length == 0) return true;
        last = position;
        foreach (var lexeme in found)
            if (!scratch.Record(lexeme, offset + position, weight)) return false;
        return true;
    }
}
