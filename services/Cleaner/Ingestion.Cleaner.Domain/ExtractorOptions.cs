namespace Ingestion.Cleaner.Domain;

/// <summary>Limits of the extractor. The defaults suit news pages.</summary>
public sealed record ExtractorOptions
{
    /// <summary>Pages larger than this are refused with <c>too-large</c>.</summary>
    public int MaxInputBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Bodies with fewer words are refused with <c>not-an-article</c>.</summary>
    public int MinBodyWords { get; init; } = 40;

    /// <summary>Longest derived title, in characters (cut at a word boundary).</summary>
    public int MaxDerivedTitleChars { get; init; } = 110;

    public static ExtractorOptions Default { get; } = new();
}
