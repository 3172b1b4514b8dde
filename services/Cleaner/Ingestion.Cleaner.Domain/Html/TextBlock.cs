namespace Ingestion.Cleaner.Domain.Html;

/// <summary>What kind of element a block of text came from.</summary>
internal enum BlockKind
{
    Paragraph,
    Title,
    Heading,
    ListItem,
    Quote,
    Preformatted,
    Cell,
    Other,
}

/// <summary>One run of text between block boundaries, with how much of it sits inside links.</summary>
/// <param name="Text">The text, whitespace collapsed.</param>
/// <param name="Kind">The innermost block element it came from.</param>
/// <param name="VisibleChars">Non-whitespace characters.</param>
/// <param name="LinkChars">Non-whitespace characters inside links.</param>
internal sealed record TextBlock(string Text, BlockKind Kind, int VisibleChars, int LinkChars)
{
    public double LinkDensity => VisibleChars == 0 ? 0 : (double)LinkChars / VisibleChars;

    public int Words => Ingestion.Cleaner.Domain.Text.TextNormalizer.WordCount(Text);
}
