using System.Text;
using AngleSharp.Dom;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Walks a subtree in reading order and cuts its text into blocks at block-level elements and line breaks. A table
/// row is one block (its cells joined by spaces), unless its cells hold blocks of their own.
/// Iterative, so arbitrarily deep markup cannot exhaust the stack.
/// </summary>
internal static class TextBlockCollector
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure",
        "address", "hr", "center", "details", "summary", "fieldset", "body", "html", "hgroup", "picture",
    };

    /// <summary>Blocks of all the given roots, in document order.</summary>
    public static List<TextBlock> Collect(IEnumerable<IElement> roots)
    {
        var blocks = new List<TextBlock>();
        foreach (var root in roots) CollectOne(root, blocks);
        return blocks;
    }

    private static void CollectOne(IElement root, List<TextBlock> blocks)
    {
        var buffer = new StringBuilder();
        var visible = 0;
        var linkVisible = 0;
        var linkDepth = 0;
        var kinds = new Stack<BlockKind>();
        kinds.Push(KindOf(root.LocalName));

        void Flush()
        {
            if (buffer.Length > 0)
            {
                var text = TextNormalizer.CollapseWhitespace(buffer.ToString());
                if (text.Length > 0) blocks.Add(new TextBlock(text, kinds.Peek(), visible, linkVisible));
            }
            buffer.Clear();
            visible = 0;
            linkVisible = 0;
        }

        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                var tag = element.LocalName;
                var isBlock = BlockTags.Contains(tag);
                if (exit)
                {
                    if (tag is "td" or "th") buffer.Append(' ');
                    if (isBlock)
                    {
                        Flush();
                        kinds.Pop();
                    }
                    if (tag == "a") linkDepth--;
                    continue;
                }
                if (BoilerplateRules.AlwaysRemovedTags.Contains(tag)) continue;
                if (tag == "br")
                {
                    Flush();
                    continue;
                }
                if (tag is "img" or "wbr") continue;
                if (isBlock)
                {
                    Flush();
                    kinds.Push(KindOf(tag));
                }
                if (tag == "a") linkDepth++;
                if (tag is "td" or "th") buffer.Append(' '); // a row is one block: its cells in order, as a reader sees them
                stack.Push((element, true));
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
            }
            else if (node.NodeType == NodeType.Text)
            {
                var text = node.TextContent;
                buffer.Append(text);
                var count = 0;
                foreach (var c in text)
                    if (!char.IsWhiteSpace(c)) count++;
                visible += count;
                if (linkDepth > 0) linkVisible += count;
            }
        }
        Flush();
    }

    private static BlockKind KindOf(string tag) => tag switch
    {
        "p" => BlockKind.Paragraph,
        "h1" => BlockKind.Title,
        "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dt" or "dd" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "pre" => BlockKind.Preformatted,
        "tr" or "caption" => BlockKind.Cell,
        _ => BlockKind.Other,
    };
}
