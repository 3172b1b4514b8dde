namespace Ingestion.Enricher.Domain.Text;

public enum TokenKind
{
    /// <summary>Letters, possibly with digits ("G20"), inner apostrophes ("O'Brien") or dots ("U.S.").</summary>
    Word,
    /// <summary>Digits, possibly with inner '.' or ',' ("1,000", "3.5").</summary>
    Number,
    /// <summary>The possessive "'s" / "’s" split off a word.</summary>
    Possessive,
    /// <summary>Any other single character.</summary>
    Punct,
}

/// <summary>A token of the body text with its character offsets (End is exclusive).</summary>
public sealed class Token
{
    public required string Text { get; init; }
    public required int Start { get; init; }
    public required int End { get; init; }
    public required TokenKind Kind { get; init; }

    /// <summary>Position in the token list.</summary>
    public int Index { get; internal set; }
    /// <summary>Index of the sentence the token belongs to.</summary>
    public int Sentence { get; internal set; }
    /// <summary>True for the first word of a sentence, and for words after ':' or an opening quote, whose capital letter says
    /// nothing.</summary>
    public bool CapitalIsAmbiguous { get; internal set; }
    /// <summary>True when a line break separates the token from the previous one.</summary>
    public bool LineBreakBefore { get; internal set; }
    /// <summary>True when whitespace separates the token from the previous one.</summary>
    public bool SpaceBefore { get; internal set; }

    public bool IsWord => Kind == TokenKind.Word;
    public bool IsCapitalised => Kind == TokenKind.Word && char.IsUpper(Text[0]);
    public bool IsAllCaps => Kind == TokenKind.Word && AllCapitals(Text);

    /// <summary>True when the text has letters and all of them are capitals ("G20", "U.S.").</summary>
    public static bool AllCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters > 0;
    }

    public override string ToString() => $"{Text}@{Start}";
}
