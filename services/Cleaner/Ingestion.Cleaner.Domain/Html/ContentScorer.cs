using AngleSharp.Dom;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Chooses the element(s) holding the article body. An <c>itemprop=articleBody</c> element wins outright; otherwise
/// text density decides, in the manner of Readability: every paragraph-like element of 25+ characters scores
/// 1 + its commas + one point per 100 characters (at most 3), credited to its ancestors with decreasing weight;
/// tags and class/id words add or take off points; each candidate's score is scaled by (1 - link density). The
/// best candidate is taken together with siblings that score close to it (bodies split around ad slots).
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphChars = 25;
    private const int AncestorLevels = 5;

    public static List<IElement> ChooseRoots(IElement body, NodeStats stats)
    {
        var main = DomCleaner.MainArticleElement(body, stats);
        if (main is not null && DomCleaner.HasArticleBodyProp(main) && stats.Text(main) >= 250)
            return [main];

        var scores = new Dictionary<IElement, double>();
        var order = NodeStats.PreOrder(body);
        foreach (var e in order)
        {
            if (IsParagraphLike(e))
            {
                Credit(e.ParentElement, TextNormalizer.CollapseWhitespace(e.TextContent), scores, body);
                continue;
            }
            // Text written straight into a container, between its block children, is a paragraph of that container.
            foreach (var run in LooseTextRuns(e))
                Credit(e, run, scores, body);
        }
        if (scores.Count == 0) return [body];

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (e, raw) in scores)
        {
            var final = raw * (1 - stats.LinkDensity(e));
            // A block holding several articles is a list of stories (a feed, "more posts"), not one story.
            if (stats.NestedArticles(e) >= 2) final *= 0.3;
            scores[e] = final;
            if (final > topScore)
            {
                topScore = final;
                top = e;
            }
        }
        if (top is null) return [body];

        // The story stands with its headline: when the best block lies outside the article that holds the page's
        // only h1 (a teaser in a list of posts after the story), that article, if it has text of its own, is the body.
        if (HeadlinedArticle(body, stats) is { } headlined && !headlined.Contains(top) && !top.Contains(headlined))
            top = headlined;

        // An article element that holds the best candidate is the better boundary, if it adds no link lists.
        if (main is not null && main != top && main.Contains(top) && stats.LinkDensity(main) < 0.3)
            top = main;

        var parent = top.ParentElement;
        if (parent is null || top == body) return [top];

        // Bodies split into several blocks of one template ("div.post__content" between figures and ads, each
        // wrapped in its own section) share the top candidate's tag and class wherever they stand.
        var twins = SameTemplateBlocks(top, topScore, scores, stats);
        if (twins.Count > 0)
        {
            var position = new Dictionary<IElement, int>();
            for (var i = 0; i < order.Count; i++) position[order[i]] = i;
            return twins.Append(top).OrderBy(e => position.GetValueOrDefault(e)).ToList();
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var roots = new List<IElement>();
        foreach (var sibling in NodeStats.ElementChildren(parent))
        {
            if (sibling == top)
            {
                roots.Add(sibling);
                continue;
            }
            // Another article next to the best candidate is a different story (a feed of posts), not more of this one.
            if (sibling.LocalName == "article" || sibling.QuerySelector("article") is not null) continue;
            if (scores.TryGetValue(sibling, out var s) && s >= threshold)
            {
                roots.Add(sibling);
                continue;
            }
            if (sibling.LocalName == "p")
            {
                var text = TextNormalizer.CollapseWhitespace(sibling.TextContent);
                var density = stats.LinkDensity(sibling);
                if (text.Length > 80 && density < 0.25 || text.Length is > 0 and <= 80 && density == 0 && text.EndsWith('.'))
                    roots.Add(sibling);
            }
        }
        return roots;
    }

    /// <summary>The <c>&lt;article&gt;</c> around the page's only h1, when it holds no other article and 200+ characters of its own text
    /// outside links.</summary>
    internal static IElement? HeadlinedArticle(IElement body, NodeStats stats)
    {
        IElement? h1 = null;
        foreach (var h in body.GetElementsByTagName("h1"))
        {
            if (h1 is not null) return null;
            h1 = h;
        }
        var article = h1?.Closest("article");
        if (article is null || stats.NestedArticles(article) > 0) return null;
        var ownText = stats.Text(article) - stats.LinkText(article) - stats.Text(h1!);
        return ownText >= 200 && stats.LinkDensity(article) < 0.5 ? article : null;
    }

    private static List<IElement> SameTemplateBlocks(IElement top, double topScore, Dictionary<IElement, double> scores, NodeStats stats)
    {
        var cls = top.GetAttribute("class");
        // Articles of one template are different stories (a feed of posts), not parts of one body.
        if (string.IsNullOrWhiteSpace(cls) || top.LocalName == "article") return [];
        var twins = new List<IElement>();
        foreach (var (e, score) in scores)
        {
            if (e == top || e.LocalName != top.LocalName || e.GetAttribute("class") != cls) continue;
            if (e.Contains(top) || top.Contains(e)) continue;
            if (score < Math.Max(3, topScore * 0.1) || stats.LinkDensity(e) >= 0.3) continue;
            twins.Add(e);
        }
        return twins;
    }

    private static void Credit(IElement? from, string text, Dictionary<IElement, double> scores, IElement body)
    {
        if (text.Length < MinParagraphChars) return;
        var score = 1.0 + text.Count(c => c is ',' or '\uFF0C' or '\u3001') + Math.Min(text.Length / 100, 3);
        var level = 0;
        for (var a = from; a is not null && level < AncestorLevels; a = a.ParentElement, level++)
        {
            if (!scores.ContainsKey(a)) scores[a] = BaseScore(a);
            var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
            scores[a] += score / divider;
            if (a == body) break;
        }
    }

    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "ins", "del", "strike", "tt", "big", "nobr", "br", "wbr", "img",
    };

    /// <summary>Runs of text nodes and inline elements directly inside a container, cut at its block children.</summary>
    private static IEnumerable<string> LooseTextRuns(IElement container)
    {
        if (container.LocalName is "p" or "pre" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "a") yield break;
        var hasText = false;
        foreach (var child in container.ChildNodes)
            if (child.NodeType == AngleSharp.Dom.NodeType.Text && !string.IsNullOrWhiteSpace(child.TextContent)) { hasText = true; break; }
        if (!hasText) yield break;

        var run = new System.Text.StringBuilder();
        foreach (var child in container.ChildNodes)
        {
            if (child is IElement ce && !InlineTags.Contains(ce.LocalName))
            {
                if (run.Length > 0) yield return TextNormalizer.CollapseWhitespace(run.ToString());
                run.Clear();
                continue;
            }
            run.Append(child.TextContent).Append(child is IElement { LocalName: "br" } ? " " : "");
        }
        if (run.Length > 0) yield return TextNormalizer.CollapseWhitespace(run.ToString());
    }

    /// <summary>Elements whose own text forms a paragraph: p, pre, td, blockquote, and divs without block children.</summary>
    private static bool IsParagraphLike(IElement e) => e.LocalName switch
    {
        "p" or "pre" or "td" => true,
        "blockquote" => e.QuerySelector("p") is null,
        "div" or "section" or "article" =>
            !NodeStats.ElementChildren(e).Any(c => c.LocalName is "p" or "div" or "section" or "article" or "table"
            or "ul" or "ol" or "blockquote" or "pre" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "figure" or "dl"),
        _ => false,
    };

    private static double BaseScore(IElement e)
    {
        var score = e.LocalName switch
        {
            "div" => 5,
            "article" or "main" => 8,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        score += BoilerplateRules.ClassWeight(e);
        if (DomCleaner.HasArticleBodyProp(e)) score += 50;
        return score;
    }
}
