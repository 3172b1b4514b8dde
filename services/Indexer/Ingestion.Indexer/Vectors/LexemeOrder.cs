using System.Text;

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// PostgreSQL's order of a tsvector's lexemes: by their UTF-8 bytes, a prefix before the longer lexeme. A vector sent in
/// this order is taken as it is; any other order is sorted on arrival (tsvector_recv), which cost the server about as much
/// as all the rest of receiving it. Sorting here is cheap: by a key of each lexeme's first eight bytes, and only lexemes
/// with equal keys are compared in full.
/// </summary>
public static class LexemeOrder
{
    /// <summary>The lexeme's first eight UTF-8 bytes, big-endian, zero-padded: keys order as the lexemes do, or tie.</summary>
    public static ulong Key(string lexeme)
    {
        ulong key = 0;
        var ascii = Math.Min(lexeme.Length, 8);
        for (var i = 0; i < ascii; i++)
        {
            if (lexeme[i] >= 0x80) return KeyOfUtf8(lexeme);
            key = key << 8 | lexeme[i];
        }
        return key << 8 * (8 - ascii);
    }

    static ulong KeyOfUtf8(string lexeme)
    {
        // Nine UTF-16 units cover the first eight bytes, also when the eighth unit is half of a surrogate pair.
        Span<byte> utf8 = stackalloc byte[32];
        var n = Encoding.UTF8.GetBytes(lexeme.AsSpan(0, Math.Min(lexeme.Length, 9)), utf8);
        ulong key = 0;
        for (var i = 0; i < 8; i++) key = key << 8 | (i < n ? utf8[i] : 0u);
        return key;
    }

    /// <summary>Compares in code point order, which is UTF-8 byte order (UTF-16's own order puts surrogates before U+E000–U+FFFF).</summary>
    public static int Compare(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            int x = a[i], y = b[i];
            if (x == y) continue;
            if (x >= 0xD800 && y >= 0xD800) (x, y) = (Lift(x), Lift(y));
            return x - y;
        }
        return a.Length - b.Length;
    }

    static int Lift(int unit) => unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;

    /// <summary>Sorts <paramref name="items"/> (whose lexemes <paramref name="textOf"/> gives) with their <paramref name="keys"/>.</summary>
    public static void Sort(Span<ulong> keys, Span<int> items, Func<int, string> textOf)
    {
        keys.Sort(items);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) items[start..end].Sort((x, y) => Compare(textOf(x), textOf(y)));
            start = end;
        }
    }
}
