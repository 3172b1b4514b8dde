using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Ingestion.Indexer.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// Builds the body part of an article's text vector in this process, equal to PostgreSQL's
/// <c>setweight(to_tsvector(config, body), 'C')</c>, so that PostgreSQL does not parse every body (its parser was about
/// half of the database's work per article). PostgreSQL still decides everything: <see cref="VectorText"/> splits plain
/// words the way its parser does, any other chunk is split by PostgreSQL's parser, and every word's lexemes come from the
/// configuration's own dictionary (<see cref="TextSearchAnswers"/>, which remembers the answers, so after the first
/// batches almost nothing is asked). A body this cannot reproduce exactly (over 300,000 characters, a tag, a word over
/// 2,047 bytes, more than 16,382 words or 255 repeats of one lexeme, a token type with a chain of dictionaries) gets null:
/// PostgreSQL builds that one itself. <paramref name="maxCachedEntries"/> bounds the memory (the answers are forgotten
/// when there are more); 0 turns this off and PostgreSQL builds every vector.
/// </summary>
public sealed class BodyVectors(int maxCachedEntries = BodyVectors.DefaultCachedEntries)
{
    public const int DefaultCachedEntries = 200_000;

    /// <summary>What a batch still has to ask PostgreSQL.</summary>
    sealed class Unknown
    {
        public readonly HashSet<(string Config, string Chunk)> Chunks = [];
        public readonly HashSet<(string Config, int Type, string Word)> Words = [];
    }

    readonly TextSearchAnswers answers = new();
    readonly ConcurrentBag<Scratch> scratches = [];
    long builtHere, leftToPostgres;

    public bool Enabled => maxCachedEntries > 0;

    /// <summary>Since the process started: bodies vectorised here, bodies left to PostgreSQL, and the answers remembered now.</summary>
    public (long BuiltHere, long LeftToPostgres, long Remembered) Counts =>
        (Interlocked.Read(ref builtHere), Interlocked.Read(ref leftToPostgres), answers.Count);

    /// <summary>The body vectors of <paramref name="docs"/> (null where PostgreSQL must build it), asking PostgreSQL what is not known yet.</summary>
    public async Task<NpgsqlTsVector?[]> BuildAsync(NpgsqlConnection conn, NpgsqlTransaction? tx,
        IReadOnlyList<(string Config, string Body)> docs, CancellationToken ct)
    {
        if (!Enabled) return new NpgsqlTsVector?[docs.Count];
        var scratch = scratches.TryTake(out var reused) ? reused : new Scratch();
        NpgsqlTsVector?[] result;
        try
        {
            result = await BuildBatchAsync(conn, tx, docs, scratch, ct);
        }
        finally
        {
            if (scratch.Pieces.Capacity <= Scratch.KeptCapacity) scratches.Add(scratch); // a huge body's lists are not kept
        }
        var built = result.Count(v => v is not null);
        Interlocked.Add(ref builtHere, built);
        Interlocked.Add(ref leftToPostgres, result.Length - built);
        return result;
    }

    async Task<NpgsqlTsVector?[]> BuildBatchAsync(NpgsqlConnection conn, NpgsqlTransaction? tx,
        IReadOnlyList<(string Config, string Body)> docs, Scratch scratch, CancellationToken ct)
    {
        var result = new NpgsqlTsVector?[docs.Count];
        var unknown = new Unknown();
        var incomplete = new bool[docs.Count];
        for (var i = 0; i < docs.Count; i++)
            result[i] = Build(docs[i].Config, docs[i].Body, scratch, unknown, out incomplete[i]);
        if (unknown.Chunks.Count + unknown.Words.Count == 0) return result;

        // Chunks first: their tokens are words to look up too. Then the bodies that missed an answer, again.
        await answers.ParseAsync(conn, tx, unknown.Chunks, ct);
        for (var i = 0; i < docs.Count; i++)
            if (incomplete[i])
                Build(docs[i].Config, docs[i].Body, scratch, unknown, out _);
        await answers.LexizeAsync(conn, tx, unknown.Words, ct);
        for (var i = 0; i < docs.Count; i++)
            if (incomplete[i])
                result[i] = Build(docs[i].Config, docs[i].Body, scratch, null, out _);
        if (answers.Count > maxCachedEntries) answers.Clear();
        return result;
    }

    /// <summary>Working lists, reused from body to body and batch to batch (a body's vector is otherwise mostly allocation).</summary>
    sealed class Scratch
    {
        /// <summary>Lists grown past this (a body of some 60,000 characters) are not pooled.</summary>
        public const int KeptCapacity = 16_384;

        public readonly List<VectorText.Piece> Pieces = new(2048);
        public readonly Dictionary<string, int> Index = new(1024, ReferenceEqualityComparer.Instance);
        public readonly List<string> Lexemes = new(1024);
        public readonly List<int> Counts = new(1024);
        public readonly List<(int Lexeme, int Position)> Occurrences = new(2048);

        public void Clear()
        {
            Pieces.Clear();
            Index.Clear();
            Lexemes.Clear();
            Counts.Clear();
            Occurrences.Clear();
        }
    }

    /// <summary>
    /// The vector of one body from the answers known; null when it must be left to PostgreSQL, or, with
    /// <paramref name="incomplete"/>, when an answer is missing (then every missing one is added to <paramref name="unknown"/>).
    /// </summary>
    NpgsqlTsVector? Build(string config, string body, Scratch scratch, Unknown? unknown, out bool incomplete)
    {
        incomplete = false;
        scratch.Clear();
        if (!VectorText.TrySplit(body, scratch.Pieces)) return null;
        var known = answers.For(config);
        var (position, complete) = (0, true);
        foreach (var piece in scratch.Pieces)
        {
            if (piece.Type != VectorText.Chunk)
            {
                if (!Add(config, known, piece.Type, piece.In(body), scratch, ref position, ref complete, unknown)) return null;
                continue;
            }
            if (!known.Chunks.TryGetValue(piece.Text!, out var tokens))
            {
                unknown?.Chunks.Add((config, piece.Text!));
                complete = false;
                continue;
            }
            foreach (var token in tokens)
                if (!Add(config, known, token.Type, token.Text, scratch, ref position, ref complete, unknown)) return null;
        }
        incomplete = !complete;
        return complete ? ToVector(scratch) : null;
    }

    /// <summary>
    /// As PostgreSQL's <c>parsetext</c>: a token of a type the configuration indexes takes the next position (a stop word
    /// too); its lexeme, if any, is recorded there. False where PostgreSQL would do something this does not reproduce; a
    /// word not known yet is noted in <paramref name="unknown"/> and leaves the vector incomplete.
    /// </summary>
    static bool Add(string config, TextSearchAnswers.OfConfig known, int type, ReadOnlySpan<char> word, Scratch scratch, ref int position,
        ref bool complete, Unknown? unknown)
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
        if (++position >= 16383) return false; // positions stop at 16,383
        if (!complete) return true;
        foreach (var lexeme in found)
        {
            ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(scratch.Index, lexeme, out var seen);
            if (!seen)
            {
                index = scratch.Lexemes.Count;
                scratch.Lexemes.Add(lexeme);
                scratch.Counts.Add(0);
            }
            if (scratch.Counts[index] == 255) return false; // a lexeme keeps at most 255 positions
            scratch.Counts[index]++;
            scratch.Occurrences.Add((index, position));
        }
        return true;
    }

    /// <summary>Weight C on every position; PostgreSQL sorts the lexemes when it receives the vector (binary, so it parses nothing).</summary>
    static NpgsqlTsVector ToVector(Scratch scratch)
    {
        var positions = new List<NpgsqlTsVector.Lexeme.WordEntryPos>[scratch.Lexemes.Count];
        for (var i = 0; i < positions.Length; i++)
            positions[i] = new List<NpgsqlTsVector.Lexeme.WordEntryPos>(scratch.Counts[i]);
        foreach (var (lexeme, position) in scratch.Occurrences)
            positions[lexeme].Add(new NpgsqlTsVector.Lexeme.WordEntryPos(position, NpgsqlTsVector.Lexeme.Weight.C));
        var lexemes = new List<NpgsqlTsVector.Lexeme>(positions.Length);
        for (var i = 0; i < positions.Length; i++)
            lexemes.Add(NewLexeme(scratch.Lexemes[i], positions[i], noCopy: true));
        return NewVector(lexemes, noCheck: true);
    }

    /// <summary>
    /// Npgsql's own constructors, which take the lexemes and positions as they are, already in order (the public ways in
    /// are an empty vector, the obsolete client-side <c>Parse</c>, and lexemes that copy and re-sort their positions).
    /// If an Npgsql upgrade changes them, the indexer's vector tests fail at once.
    /// </summary>
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    static extern NpgsqlTsVector NewVector(List<NpgsqlTsVector.Lexeme> lexemes, bool noCheck);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    static extern NpgsqlTsVector.Lexeme NewLexeme(string text, List<NpgsqlTsVector.Lexeme.WordEntryPos>? wordEntryPositions, bool noCopy);
}
