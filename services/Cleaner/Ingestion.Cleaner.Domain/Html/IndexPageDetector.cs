namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Tells index pages (home pages, section fronts, tag pages, search results) from articles: their main block is
/// mostly link text, or a run of linked headings each with a short teaser.
/// </summary>
internal static class IndexPageDetector
{
    private const double MaxLinkShare = 0.6;
    private const int MinLinkedHeadings = 4;

    /// <summary>A human-readable reason when the blocks look like an index page, else null.</summary>
    public static string? Check(IReadOnlyList<TextBlock> blocks, bool declaresArticle, int keptWords)
    {
        var visible = blocks.Sum(b => b.VisibleChars);
        if (visible == 0) return null;
        var links = blocks.Sum(b => b.LinkChars);
        var share = (double)links / visible;
        var linkedHeadings = blocks.Count(b => b.Kind is BlockKind.Heading or BlockKind.Title && b.LinkDensity >= 0.8);
        var longParagraphs = blocks.Count(b => b.Kind != BlockKind.Heading && b.LinkDensity < 0.3 && b.Words >= 25);

        // A page that declares itself an article and has a real body is kept even with link lists around it.
        if (declaresArticle && keptWords >= 150) return null;

        if (share >= MaxLinkShare)
            return $"looks like an index page: {share:P0} of the main block's text is links ({blocks.Count} blocks, {keptWords} words kept)";
        if (linkedHeadings >= MinLinkedHeadings && linkedHeadings * 2 >= longParagraphs)
            return $"looks like an index page: {linkedHeadings} linked headings (teasers) against {longParagraphs} paragraphs of text";
        return null;
    }
}
