using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ingestion.Indexer.Domain;
using NpgsqlTypes;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// One article's vectors being assembled: the lexemes in order of first use, and each occurrence (lexeme, position,
/// weight) in order. Reused from article to article and batch to batch (a vector is otherwise mostly allocation).
/// </summary>
sealed class VectorScratch
{
    /// <summary>Lists grown past this (a body of some 60,000 characters) are not pooled.</summary>
    public const int KeptCapacity = 16_384;

    public readonly List<VectorText.Piece> Pieces = new(2048);
    readonly Dictionary<string, int> index = new(1024, ReferenceEqualityComparer.Instance);
    readonly List<string> lexemes = new(1024);
    readonly List<int> counts = new(1024);
    public readonly List<(int Lexeme, int Position, NpgsqlTsVector.Lexeme.Weight Weight)> Occurrences = new(2048);

    public void Clear()
    {
        Pieces.Clear();
        index.Clear();
        lexemes.Clear();
        counts.Clear();
        Occurrences.Clear();
    }

    /// <summary>
    /// Records a lexeme (told apart by reference: <see cref="TextSearchAnswers"/> keeps one string per lexeme) at a
    /// position; false at its 256th position, past what PostgreSQL keeps.
    /// </summary>
    public bool Record(string lexeme, int position, NpgsqlTsVector.Lexeme.Weight weight)
    {
        ref var at = ref CollectionsMarshal.GetValueRefOrAddDefault(index, lexeme, out var seen);
        if (!seen)
        {
            at = lexemes.Count;
            lexemes.Add(lexeme);
            counts.Add(0);
        }
        if (counts[at] == 255) return false;
        counts[at]++;
        Occurrences.Add((at, position, weight));
        return true;
    }

    /// <summary>
    /// The vector of the first <paramref name="end"/> occurrences; PostgreSQL sorts the lexemes when it receives it
    /// (binary, so it parses nothing).
    /// </summary>
    public NpgsqlTsVector ToVector(int end)
    {
        var inRange = new int[lexemes.Count];
        for (var i = 0; i < end; i++) inRange[Occurrences[i].Lexeme]++;
        var positions = new List<NpgsqlTsVector.Lexeme.WordEntryPos>?[inRange.Length];
        for (var i = 0; i < end; i++)
        {
            var (lexeme, position, weight) = Occurrences[i];
            (positions[lexeme] ??= new List<NpgsqlTsVector.Lexeme.WordEntryPos>(inRange[lexeme]))
                .Add(new NpgsqlTsVector.Lexeme.WordEntryPos(position, weight));
        }
        var vector = new List<NpgsqlTsVector.Lexeme>(positions.Length);
        for (var i = 0; i < positions.Length; i++)
            if (positions[i] is { } at)
                vector.Add(NewLexeme(lexemes[i], at, noCopy: true));
        return NewVector(vector, noCheck: true);
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
