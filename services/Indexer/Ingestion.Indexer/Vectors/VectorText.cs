using System.Runtime.InteropServices;

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// Splits an article body into the pieces its text vector is built from outside PostgreSQL, so that the result equals
/// PostgreSQL's <c>to_tsvector(config, body)</c>. PostgreSQL's default parser starts afresh after every space, so the body
/// is read a space-separated chunk at a time. A chunk made only of letters, digits and punctuation that can only separate
/// words (commas, quotes, dashes, a closing full stop...) is split here into words exactly as the parser splits it
/// (<c>asciiword</c>, <c>word</c>, <c>numword</c>, <c>uint</c>); any other chunk ("U.S.", "3.5%", "well-known",
/// "and/or", an address) is kept whole, after a space unless it starts the body, for PostgreSQL's own parser to read
/// (<see cref="Chunk"/>).
/// </summary>
public static class VectorText
{
    /// <summary>A chunk only PostgreSQL's parser may split.</summary>
    public const int Chunk = 0;

    // Token type ids of PostgreSQL's default parser (ts_token_type('default')).
    public const int AsciiWord = 1, Word = 2, NumWord = 3, UnsignedInt = 19;

    /// <summary>The indexer vectorises at most this many characters of a body (to_tsvector refuses vectors over 1 MB).</summary>
    public const int MaxChars = 300_000;

    /// <summary>A word at <c>Start</c> (<c>Length</c> characters) of the body; a <see cref="Chunk"/> carries its own <c>Text</c>.</summary>
    public readonly record struct Piece(int Type, int Start, int Length, string? Text = null)
    {
        public ReadOnlySpan<char> In(string body) => Text is null ? body.AsSpan(Start, Length) : Text.AsSpan();
    }

    /// <summary>
    /// Adds the body's pieces in reading order; false when PostgreSQL must parse the whole body itself: it is longer than
    /// <see cref="MaxChars"/> or holds a <c>&lt;</c> (a tag, which the parser reads across spaces).
    /// </summary>
    public static bool TrySplit(string body, List<Piece> pieces)
    {
        if (body.Length > MaxChars || body.Contains('<')) return false;
        var classes = Classes.AsSpan();
        var i = 0;
        while (i < body.Length)
        {
            if (classes[body[i]] == Space)
            {
                i++;
                continue;
            }
            // One chunk: its words are added as they come; if something not plain turns up they give way to the whole chunk.
            var (start, firstPiece, plain) = (i, pieces.Count, true);
            while (i < body.Length && classes[body[i]] is var c && c != Space)
            {
                if (c is Letter or Digit or OtherLetter)
                {
                    var (from, letters, digits, ascii) = (i, false, false, true);
                    for (; i < body.Length && classes[body[i]] is var w && w is Letter or Digit or OtherLetter; i++)
                    {
                        if (w == Digit) digits = true;
                        else (letters, ascii) = (true, ascii && w == Letter);
                    }
                    pieces.Add(new Piece(letters && digits ? NumWord : digits ? UnsignedInt : ascii ? AsciiWord : Word, from, i - from));
                    continue;
                }
                // A full stop or colon is plain only last or before a separator: "etc.." is a file name to the parser.
                if (c == Other || c == Stop && i + 1 < body.Length && classes[body[i + 1]] is not (Space or Separator)) plain = false;
                i++;
            }
            if (plain) continue;
            CollectionsMarshal.SetCount(pieces, firstPiece);
            // With the space before it: the parser reads "~12x" at the start of a text as a file name, after a space as "12x".
            var text = start == 0 ? body[..i] : string.Concat(" ", body.AsSpan(start, i - start));
            pieces.Add(new Piece(Chunk, start, i - start, text));
        }
        return true;
    }

    const byte Other = 0, Space = 1, Letter = 2, Digit = 3, OtherLetter = 4, Separator = 5, Stop = 6;

    /// <summary>The class of every UTF-16 code unit (a surrogate is Other: its chunk goes to PostgreSQL).</summary>
    static readonly byte[] Classes = BuildClasses();

    static byte[] BuildClasses()
    {
        var classes = new byte[65536];
        foreach (var c in " \t\n\r\f\v") classes[c] = Space;
        for (var c = 'a'; c <= 'z'; c++) classes[c] = classes[char.ToUpperInvariant(c)] = Letter;
        for (var c = '0'; c <= '9'; c++) classes[c] = Digit;
        // Latin-1, Latin Extended-A, basic Greek and Cyrillic letters, without the few whose case mapping differs
        // between C libraries (İ, ı, ŉ, ſ) and the two signs among them (×, ÷). Other letters send their chunk to PostgreSQL.
        foreach (var (from, to) in new[] { ('\u00C0', '\u017F'), ('\u0391', '\u03A9'), ('\u03B1', '\u03C9'), ('\u0400', '\u045F') })
            for (var c = from; c <= to; c++) classes[c] = OtherLetter;
        foreach (var c in "\u00D7\u00F7\u0130\u0131\u0149\u017F\u03A2") classes[c] = Other;
        // Punctuation the parser only ever treats as a gap between words.
        foreach (var c in ",;!?\"()'\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00AB\u00BB\u00A0") classes[c] = Separator;
        classes['.'] = classes[':'] = Stop;
        return classes;
    }
}
