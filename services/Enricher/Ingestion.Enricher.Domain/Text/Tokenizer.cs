namespace Ingestion.Enricher.Domain.Text;

/// <summary>Splits text into word, number, possessive and punctuation tokens with character offsets.</summary>
public static class Tokenizer
{
    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        var space = false;
        var lineBreak = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                if (c is '\n' or '\r' or '\u2029' or '\u2028') lineBreak = true;
                i++;
                continue;
            }

            int start = i;
            TokenKind kind;
            if (IsWordChar(c))
            {
                var dotted = MatchDottedAcronym(text, i);
                if (dotted > 0)
                {
                    i += dotted;
                    kind = TokenKind.Word;
                }
                else
                {
                    i = ScanWord(text, i);
                    kind = IsNumber(text.AsSpan(start, i - start)) ? TokenKind.Number : TokenKind.Word;
                }
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && (text[i + 1] is 's' or 'S')
                     && (i + 2 >= text.Length || !IsWordChar(text[i + 2]))
                     && tokens.Count > 0 && tokens[^1].End == i && tokens[^1].Kind == TokenKind.Word)
            {
                i += 2;
                kind = TokenKind.Possessive;
            }
            else
            {
                i++;
                kind = TokenKind.Punct;
            }

            tokens.Add(new Token
            {
                Text = text[start..i],
                Start = start,
                End = i,
                Kind = kind,
                Index = tokens.Count,
                SpaceBefore = space,
                LineBreakBefore = lineBreak,
            });
            space = false;
            lineBreak = false;
        }
        return tokens;
    }

    /// <summary>Length of a dotted acronym such as "U.S." or "U.A.E." at position i, or 0.</summary>
    private static int MatchDottedAcronym(string text, int i)
    {
        var j = i;
        var letters = 0;
        while (j + 1 < text.Length && char.IsUpper(text[j]) && text[j + 1] == '.')
        {
            letters++;
            j += 2;
        }
        if (letters < 2) return 0;
        if (j < text.Length && IsWordChar(text[j])) return 0; // "U.S.Army" style: leave alone
        return j - i;
    }

    private static int ScanWord(string text, int i)
    {
        var allDigits = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (!char.IsDigit(c)) allDigits = false;
                i++;
                continue;
            }
            // 1,000 and 3.5 stay one number.
            if ((c is '.' or ',') && allDigits && i + 1 < text.Length && char.IsDigit(text[i + 1]) && i > 0 && char.IsDigit(text[i - 1]))
            {
                i++;
                continue;
            }
            // O'Brien, don't, d'Ivoire: an apostrophe inside a word, but not the possessive 's.
            if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var possessive = text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !IsWordChar(text[i + 2]));
                if (possessive) break;
                i++;
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!(char.IsDigit(c) || c is '.' or ',')) return false;
        return true;
    }
}
