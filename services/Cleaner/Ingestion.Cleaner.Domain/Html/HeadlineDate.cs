using AngleSharp.Dom;
using Ingestion.Cleaner.Domain.Dates;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// The date a page shows under its headline, whatever holds it (a "tagline" paragraph, a link with a date as its
/// text, "Source<br>13 Jan 2020, 22:11 GMT+10"): the first date at the start of a short block of text within the first few hundred
/// characters after the headline, before the next heading of its rank. Dates inside prose (a caption, the first
/// paragraph) are not the page's date.
/// </summary>
internal static class HeadlineDate
{
    private const int MaxChars = 600;
    private const int MaxNodes = 300;
    private const int MaxBlockChars = 160;

    /// <summary>A date line starts with its date or a short label ("By Jane Doe / April 19, 2016"); prose does not.</summary>
    private const int MaxDateStart = 40;

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "li", "ul", "ol", "br", "section", "header", "footer", "article", "figure", "figcaption", "table", "tr",
        "td", "th", "dl", "dt", "dd", "blockquote", "h3", "h4", "h5", "h6", "time", "address", "main", "aside",
    };

    public static DateTimeOffset? Find(IElement? headline, bool monthFirst)
    {
        if (headline is null) return null;
        var stopAtH2 = headline.LocalName != "h1";
        var block = new System.Text.StringBuilder();
        var total = 0;
        var visited = 0;
        var node = Advance(headline, descend: false, out _);
        while (node is not null && visited++ < MaxNodes && total < MaxChars)
        {
            var descend = true;
            if (node is IElement e)
            {
                if (e.LocalName == "h1" || stopAtH2 && e.LocalName == "h2") break;
                if (e.LocalName is "script" or "style" or "noscript" or "template" or "select") descend = false;
                else if (BlockTags.Contains(e.LocalName) && Flush(block, monthFirst) is { } atStart) return atStart;
            }
            else if (node.NodeType == NodeType.Text)
            {
                var text = node.TextContent;
                block.Append(text);
                total += text.Length;
            }
            node = Advance(node, descend, out var leftBlock);
            if (leftBlock && Flush(block, monthFirst) is { } atEnd) return atEnd;
        }
        return Flush(block, monthFirst);
    }

    /// <summary>The page's headline: the first h1 or h2 whose text is the title (or the title begins with), else the only h1.</summary>
    public static IElement? Headline(IDocument document, string? title)
    {
        var wanted = Fold(title);
        IElement? onlyH1 = null;
        var h1s = 0;
        foreach (var h in document.QuerySelectorAll("h1, h2"))
        {
            var text = Fold(h.TextContent);
            if (wanted.Length > 0 && text.Length >= 10 && (text == wanted || wanted.StartsWith(text, StringComparison.Ordinal)))
                return h;
            if (h.LocalName == "h1" && ++h1s == 1) onlyH1 = h;
        }
        return h1s == 1 ? onlyH1 : null;
    }

    private static DateTimeOffset? Flush(System.Text.StringBuilder block, bool monthFirst)
    {
        if (block.Length == 0) return null;
        var text = TextNormalizer.CollapseWhitespace(block.ToString());
        block.Clear();
        if (text.Length is < 6 or > MaxBlockChars) return null;
        var found = DateParsing.FindDates(text, monthFirst);
        return found.Count > 0 && found[0].Index <= MaxDateStart ? found[0].Value : null;
    }

    private static string Fold(string? s) => TextNormalizer.CollapseWhitespace(s).ToLowerInvariant();

    /// <summary>The next node in document order (into the children when <paramref name="descend"/>); says whether a block element was left
    /// on the way.</summary>
    private static INode? Advance(INode node, bool descend, out bool leftBlock)
    {
        leftBlock = false;
        if (descend && node.FirstChild is { } child) return child;
        for (var n = node; n is not null; n = n.Parent)
        {
            if (n is IElement e && BlockTags.Contains(e.LocalName)) leftBlock = true;
            if (n.NextSibling is { } next) return next;
        }
        return null;
    }
}
