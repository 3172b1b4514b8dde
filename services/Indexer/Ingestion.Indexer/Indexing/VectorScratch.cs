using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
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
    readonly List<ulong> keys = new(1024); // LexemeOrder.Key of each lexeme
    ulong[] sortKeys = new ulong[1024];
    int[] sorted = new int[1024];
    public readonly List<(int Lexeme, int Position, NpgsqlTsVector.Lexeme.Weight Weight)> Occurrences = new(2048);

    public void Clear()
    {
        Pieces.Clear();
        index.Clear();
        lexemes.Clear();
        counts.Clear();
        keys.Clear();
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
            keys.Add(LexemeOrder.Key(lexeme));
        }
        if (counts[at] == 255) return false;
        counts[at]++;
        Occurrences.Add((at, position, weight));
        return true;
    }

    /// <summary>
    /// The vector of the first <paramref name="end"/> occurrences in <c>tsvector_recv</c>'s form: the lexeme count, then
    /// per lexeme its UTF-8 text, a zero byte, the position count and the positions (weight in the top two bits). The
    /// lexemes go in PostgreSQL's order (<see cref="LexemeOrder"/>), so that it need not sort them.
    /// </summary>
    public TsVectorBytes Encode(int end)
    {
        var inRange = new int[lexemes.Count];
        for (var i = 0; i < end; i++) inRange[Occurrences[i].Lexeme]++;
        if (sortKeys.Length < lexemes.Count) (sortKeys, sorted) = (new ulong[lexemes.Count * 2], new int[lexemes.Count * 2]);
        var (size, count) = (4, 0);
        for (var i = 0; i < inRange.Length; i++)
            if (inRange[i] > 0)
            {
                (sortKeys[count], sorted[count]) = (keys[i], i);
                (size, count) = (size + Encoding.UTF8.GetByteCount(lexemes[i]) + 3 + 2 * inRange[i], count + 1);
            }
        LexemeOrder.Sort(sortKeys.AsSpan(0, count), sorted.AsSpan(0, count), lexemes);
        var bytes = new byte[size];
        BinaryPrimitives.WriteInt32BigEndian(bytes, count);
        var next = new int[inRange.Length]; // where each lexeme's next position goes
        var at = 4;
        foreach (var i in sorted.AsSpan(0, count))
        {
            at += Encoding.UTF8.GetBytes(lexemes[i], bytes.AsSpan(at));
            bytes[at++] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at), (ushort)inRange[i]);
            next[i] = at + 2;
            at += 2 + 2 * inRange[i];
        }
        for (var i = 0; i < end; i++)
        {
            var (lexeme, position, weight) = Occurrences[i];
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(next[lexeme]), (ushort)((int)weight << 14 | position));
            next[lexeme] += 2;
        }
        return new TsVectorBytes(bytes);
    }
}
