using System.Buffers.Binary;
using NpgsqlTypes;

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// One article's vectors being assembled: the lexemes in order of first use, and each occurrence (lexeme, position,
/// weight) in order. Lexemes are the numbers <see cref="TextSearchAnswers"/> gives them within the article's
/// configuration. Reused from article to article and batch to batch (a vector is otherwise mostly allocation).
/// </summary>
sealed class VectorScratch
{
    /// <summary>Lists grown past this (a body of some 60,000 characters) are not pooled.</summary>
    public const int KeptCapacity = 16_384;

    public readonly List<VectorText.Piece> Pieces = new(2048);
    // Per lexeme number: the article (stamp) that last used it, and its place among this article's lexemes.
    int[] stampOf = new int[4096], placeOf = new int[4096];
    int stamp;
    readonly List<int> lexemes = new(1024); // this article's lexeme numbers, in order of first use
    readonly List<int> counts = new(1024);
    ulong[] sortKeys = new ulong[1024];
    int[] sorted = new int[1024];
    public readonly List<(int Lexeme, int Position, NpgsqlTsVector.Lexeme.Weight Weight)> Occurrences = new(2048);

    /// <summary>Starts an article.</summary>
    public void Clear()
    {
        Pieces.Clear();
        lexemes.Clear();
        counts.Clear();
        Occurrences.Clear();
        if (++stamp == int.MaxValue) (stamp, stampOf) = (1, new int[stampOf.Length]);
    }

    /// <summary>Records lexeme number <paramref name="lexeme"/> at a position; false at its 256th position, past what PostgreSQL keeps.</summary>
    public bool Record(int lexeme, int position, NpgsqlTsVector.Lexeme.Weight weight)
    {
        if (lexeme >= stampOf.Length)
        {
            var size = Math.Max(lexeme + 1, stampOf.Length * 2);
            Array.Resize(ref stampOf, size);
            Array.Resize(ref placeOf, size);
        }
        int at;
        if (stampOf[lexeme] == stamp) at = placeOf[lexeme];
        else
        {
            (stampOf[lexeme], placeOf[lexeme], at) = (stamp, lexemes.Count, lexemes.Count);
            lexemes.Add(lexeme);
            counts.Add(0);
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
    /// <paramref name="known"/> are the lexemes of the article's configuration.
    /// </summary>
    public TsVectorBytes Encode(int end, List<TextSearchAnswers.Lexeme> known)
    {
        var inRange = new int[lexemes.Count];
        for (var i = 0; i < end; i++) inRange[Occurrences[i].Lexeme]++;
        if (sortKeys.Length < lexemes.Count) (sortKeys, sorted) = (new ulong[lexemes.Count * 2], new int[lexemes.Count * 2]);
        var (size, count) = (4, 0);
        for (var i = 0; i < inRange.Length; i++)
            if (inRange[i] > 0)
            {
                var lexeme = known[lexemes[i]];
                (sortKeys[count], sorted[count]) = (lexeme.Key, i);
                (size, count) = (size + lexeme.Utf8.Length + 3 + 2 * inRange[i], count + 1);
            }
        LexemeOrder.Sort(sortKeys.AsSpan(0, count), sorted.AsSpan(0, count), i => known[lexemes[i]].Text);
        var bytes = new byte[size];
        BinaryPrimitives.WriteInt32BigEndian(bytes, count);
        var next = new int[inRange.Length]; // where each lexeme's next position goes
        var at = 4;
        foreach (var i in sorted.AsSpan(0, count))
        {
            var utf8 = known[lexemes[i]].Utf8;
            utf8.CopyTo(bytes.AsSpan(at));
            at += utf8.Length;
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
