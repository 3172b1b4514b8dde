using AngleSharp.Dom;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Removes what is not article text from the document: elements by tag, role, hidden state and class/id words
/// (<see cref="BoilerplateRules"/>). A guard keeps any element that holds the article element or most of the page's
/// text, so a page wrapped in <c>&lt;form&gt;</c> or a <c>div.has-sidebar</c> keeps its body.
/// </summary>
internal static class DomCleaner
{
    /// <summary>Share of the page's text outside links above which an element is never removed by class or guarded-tag rules.</summary>
    private const double MassGuard = 0.5;

    /// <summary>Weak signals remove blocks at least this link-dense ...</summary>
    private const double WeakLinkDensity = 0.35;

    /// <summary>... or holding less than this share of the page's text outside links.</summary>
    private const double WeakTextShare = 0.2;

    /// <summary>Removes boilerplate elements; returns how many were removed.</summary>
    public static int Clean(IElement body)
    {
        var stats = NodeStats.Compute(body);
        var totalText = stats.Text(body) - stats.LinkText(body);
        var protectedElements = new HashSet<IElement>();
        if (MainArticleElement(body, stats) is { } main)
            for (IElement? e = main; e is not null; e = e.ParentElement)
                protectedElements.Add(e);

        bool MayRemove(IElement e) =>
            !protectedElements.Contains(e)
            && stats.Text(e) - stats.LinkText(e) < MassGuard * totalText
            && !HoldsMostOfItsBody(e, stats);

        // Layout words ("widget", "header") also name the blocks that hold the story on some platforms: they
        // remove link-heavy blocks, or blocks with little text of their own.
        bool MayRemoveWeak(IElement e) =>
            MayRemove(e)
            && (stats.LinkDensity(e) >= WeakLinkDensity || stats.Text(e) - stats.LinkText(e) < WeakTextShare * totalText);

        var removed = 0;
        var stack = new Stack<IElement>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var parent = stack.Pop();
            foreach (var child in NodeStats.ElementChildren(parent))
            {
                var tag = child.LocalName;
                bool remove;
                if (BoilerplateRules.AlwaysRemovedTags.Contains(tag))
                {
                    remove = !protectedElements.Contains(child);
                }
                else
                {
                    var signal = BoilerplateRules.Classify(child);
                    remove = signal == BoilerplateSignal.Strong
                        ? MayRemove(child)
                        : (signal == BoilerplateSignal.Weak || BoilerplateRules.GuardedTags.Contains(tag)) && MayRemoveWeak(child);
                }
                remove = remove || IsHoverCard(child, stats);
                if (remove)
                {
                    child.Remove();
                    removed++;
                }
                else
                {
                    stack.Push(child);
                }
            }
        }
        return removed;
    }

    /// <summary>
    /// The element the page marks as its article: the <c>itemprop=articleBody</c> element with the most paragraph text,
    /// else the <c>&lt;article&gt;</c> with the most text outside links, when it holds a fair share of the page's.
    /// </summary>
    internal static IElement? MainArticleElement(IElement body, NodeStats stats)
    {
        IElement? best = null;
        foreach (var e in body.QuerySelectorAll("[itemprop]"))
        {
            if (!HasArticleBodyProp(e)) continue;
            if (best is null || stats.ParagraphText(e) > stats.ParagraphText(best)) best = e;
        }
        if (best is not null && stats.Text(best) >= 200) return best;

        int OwnText(IElement e) => stats.Text(e) - stats.LinkText(e);
        var total = OwnText(body);
        best = null;
        foreach (var e in body.QuerySelectorAll("article"))
        {
            if (stats.NestedArticles(e) >= 2) continue; // a feed of articles, not the article
            if (best is null || OwnText(e) > OwnText(best)) best = e;
        }
        return best is not null && total > 0 && OwnText(best) >= 0.3 * total ? best : null;
    }

    /// <summary>Levels searched upwards for the paragraph around a hover card.</summary>
    private const int CardParagraphLevels = 4;

    /// <summary>
    /// A hover card inside running text: right after the link that opens it (a person's name), a span or div made only
    /// of links, three or more (the name again, their latest stories). Its text would be glued into the sentence.
    /// </summary>
    private static bool IsHoverCard(IElement e, NodeStats stats)
    {
        if (e.LocalName is not ("span" or "div") || e.PreviousElementSibling is not { LocalName: "a" }) return false;
        var text = stats.Text(e);
        if (text == 0 || stats.LinkText(e) < text) return false;
        var level = 0;
        var inParagraph = false;
        for (var a = e.ParentElement; a is not null && level < CardParagraphLevels && !inParagraph; a = a.ParentElement, level++)
            inParagraph = a.LocalName == "p";
        return inParagraph && e.GetElementsByTagName("a").Length >= 3;
    }

    /// <summary>Levels searched upwards for the article body around an element.</summary>
    private const int BodySearchLevels = 8;

    /// <summary>
    /// A wrapper inside the element that names itself the article body ("article-body") holding most of its
    /// paragraphs is the body, whatever its own class or id says ("subscription-content" around a metered story).
    /// </summary>
    private static bool HoldsMostOfItsBody(IElement e, NodeStats stats)
    {
        var own = stats.ParagraphText(e);
        if (own == 0) return false;
        var level = 0;
        for (var a = e.ParentElement; a is not null && level < BodySearchLevels; a = a.ParentElement, level++)
            if (BoilerplateRules.NamesArticleBody(a) || HasArticleBodyProp(a))
                return own >= MassGuard * stats.ParagraphText(a);
        return false;
    }

    internal static bool HasArticleBodyProp(IElement e) =>
        (e.GetAttribute("itemprop") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p.Equals("articleBody", StringComparison.OrdinalIgnoreCase));
}
