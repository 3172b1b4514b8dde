using AngleSharp.Dom;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>Text measures of every element of a subtree, computed in one pass without recursion (deep documents are safe).</summary>
internal sealed class NodeStats
{
    private readonly Dictionary<IElement, Entry> entries;

    private NodeStats(int elements) => entries = new(elements, ReferenceEqualityComparer.Instance);

    private struct Entry
    {
        public int Text;
        public int LinkText;
        public int ParagraphText;
        public int Paragraphs;
        public int Articles;
    }

    /// <summary>Non-whitespace characters of text in the element (scripts and styles excluded).</summary>
    public int Text(IElement e) => entries.TryGetValue(e, out var x) ? x.Text : 0;

    /// <summary>Non-whitespace characters inside links.</summary>
    public int LinkText(IElement e) => entries.TryGetValue(e, out var x) ? x.LinkText : 0;

    /// <summary>Non-whitespace characters inside <c>&lt;p&gt;</c> elements.</summary>
    public int ParagraphText(IElement e) => entries.TryGetValue(e, out var x) ? x.ParagraphText : 0;

    public int Paragraphs(IElement e) => entries.TryGetValue(e, out var x) ? x.Paragraphs : 0;

    /// <summary><c>&lt;article&gt;</c> elements inside the element (itself not counted).</summary>
    public int NestedArticles(IElement e) => entries.TryGetValue(e, out var x) ? x.Articles - (e.LocalName == "article" ? 1 : 0) : 0;

    public double LinkDensity(IElement e)
    {
        var t = Text(e);
        return t == 0 ? 0 : (double)LinkText(e) / t;
    }

    public static NodeStats Compute(IElement root)
    {
        var order = PreOrder(root);
        var stats = new NodeStats(order.Count);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var e = order[i];
            var entry = new Entry();
            var skip = e.LocalName is "script" or "style" or "noscript" or "template";
            var children = e.ChildNodes;
            for (var k = 0; k < children.Length; k++)
            {
                var child = children[k];
                if (child is IElement ce)
                {
                    var c = stats.entries[ce];
                    entry.Text += c.Text;
                    entry.LinkText += c.LinkText;
                    entry.ParagraphText += c.ParagraphText;
                    entry.Paragraphs += c.Paragraphs;
                    entry.Articles += c.Articles;
                }
                else if (!skip && child.NodeType == NodeType.Text)
                {
                    entry.Text += CountVisible(child.TextContent);
                }
            }
            if (skip) entry = new Entry();
            if (e.LocalName == "a") entry.LinkText = entry.Text;
            if (e.LocalName == "article") entry.Articles++;
            if (e.LocalName == "p")
            {
                entry.ParagraphText = entry.Text;
                entry.Paragraphs = 1;
            }
            stats.entries[e] = entry;
        }
        return stats;
    }

    /// <summary>Elements of the subtree in document order, iteratively.</summary>
    public static List<IElement> PreOrder(IElement root)
    {
        var order = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            order.Add(e);
            var children = e.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) stack.Push(child);
        }
        return order;
    }

    /// <summary>
    /// The element children of an element. AngleSharp's <c>Children</c> collection costs time in proportion to the
    /// depth of the tree on deep documents; walking <c>ChildNodes</c> does not.
    /// </summary>
    public static List<IElement> ElementChildren(IElement e)
    {
        var nodes = e.ChildNodes;
        var result = new List<IElement>(nodes.Length);
        for (var i = 0; i < nodes.Length; i++)
            if (nodes[i] is IElement child) result.Add(child);
        return result;
    }

    private static int CountVisible(string text)
    {
        var n = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) n++;
        return n;
    }
}
