using Ingestion.Cleaner.Domain.Authors;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>The body as extracted, with what was learned from the blocks dropped on the way.</summary>
internal sealed class BodyResult
{
    public List<string> Paragraphs { get; } = [];
    public int Dropped { get; set; }
    public Byline? Byline { get; set; }
}

/// <summary>
/// Turns the text blocks of the chosen root into paragraphs: drops the headline, byline and date lines, interface
/// labels, related links and promotions, short link-dominated blocks, script fragments, trailing headings and repeats.
/// </summary>
internal static class BodyExtractor
{
    /// <summary>Blocks this close to the start (counted in kept blocks) or the end may be byline/date lines.</summary>
    private const int BylineWindow = 4;

    private const int MaxBylineWords = 20;

    /// <summary>Exact repeats shorter than this are part of the page's design (labels, recipe lines), not a duplicated body.</summary>
    private const int ShortRepeatWords = 12;

    public static BodyResult Extract(IReadOnlyList<TextBlock> blocks, string? title)
    {
        var result = new BodyResult();
        var titleKey = title is null ? null : TextNormalizer.Key(title);
        var kept = new List<(string Text, BlockKind Kind)>();

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var text = ScriptFragments.Remove(block.Text).Trim();
            var words = TextNormalizer.WordCount(text);

            if (block.Kind == BlockKind.Title || words == 0 || !text.Any(char.IsLetter) && block.Kind != BlockKind.Cell
                || titleKey is not null && TextNormalizer.Key(text) == titleKey)
            {
                result.Dropped++;
                continue;
            }
            var nearEdge = kept.Count < BylineWindow || i >= blocks.Count - BylineWindow;
            if (nearEdge && words <= MaxBylineWords && BylineParser.Parse(text) is { } byline
                && (byline.Authors.Count > 0 || byline.Published is not null))
            {
                result.Byline ??= byline;
                result.Dropped++;
                continue;
            }
            if (IsLinkDominated(block, words) || BoilerplateLines.IsBoilerplate(text))
            {
                result.Dropped++;
                continue;
            }

            text = BoilerplateLines.TrimGluedTail(text);
            if (TextNormalizer.WordCount(text) == 0)
            {
                result.Dropped++;
                continue;
            }
            kept.Add((text, block.Kind));
        }

        // Headings with no text after them ("More from this section") close the body, they are not part of it.
        while (kept.Count > 0 && kept[^1].Kind == BlockKind.Heading)
        {
            kept.RemoveAt(kept.Count - 1);
            result.Dropped++;
        }

        var texts = kept.Select(k => k.Text).ToList();
        var keep = RepeatedParagraphs.Keep(texts, shortRepeatWords: ShortRepeatWords);
        for (var i = 0; i < texts.Count; i++)
        {
            if (keep[i]) result.Paragraphs.Add(texts[i]);
            else result.Dropped++;
        }
        return result;
    }

    /// <summary>Short blocks that are mostly link text, and any block that is nearly all link text.</summary>
    private static bool IsLinkDominated(TextBlock block, int words) =>
        block.LinkDensity >= 0.8 && (words < 40 || block.Kind is BlockKind.ListItem or BlockKind.Heading)
        || block.LinkDensity > 0.5 && words < 25
        || block.Kind == BlockKind.ListItem && block.LinkDensity > 0.3 && words < 12;
}
