using AngleSharp.Dom;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>How sure a rule is that an element is boilerplate.</summary>
internal enum BoilerplateSignal
{
    None,

    /// <summary>Layout words (header, footer, sidebar, widget): removed unless the element also says it is the article.</summary>
    Weak,

    /// <summary>Words nothing in an article body wears (share, related, comments, cookie, newsletter, ad).</summary>
    Strong,
}

/// <summary>
/// Which elements are not article text: by tag, by ARIA role, by hidden state, and by the words of their class and
/// id, matched as whole tokens ("ad" matches "ad-slot" but not "shadow" or "header"; "header" matches
/// "site-header" but not "headline").
/// </summary>
internal static class BoilerplateRules
{
    /// <summary>Never text: removed wherever they are.</summary>
    public static readonly HashSet<string> AlwaysRemovedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "canvas", "button", "select", "option", "optgroup", "input", "textarea", "label", "link", "meta", "base", "nav",
        "aside", "dialog", "menu", "video", "audio", "source", "track", "map", "area", "figcaption", "head", "title",
    };

    /// <summary>Usually chrome, but pages wrap everything in them (ASP.NET forms) or put bylines there: removed when they hold little
    /// text.</summary>
    public static readonly HashSet<string> GuardedTags = new(StringComparer.Ordinal) { "form", "header", "footer" };

    private static readonly HashSet<string> StrongTokens = new(StringComparer.Ordinal)
    {
        "share", "sharing", "shares", "sharebar", "sharetools", "social", "socials", "socialmedia", "related", "comment",
        "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr", "cmp", "subscribe", "subscription",
        "newsletter", "newsletters", "signup", "promo", "promos", "promotion", "advert", "advertisement", "advertising", "ad",
        "ads", "adslot", "adunit", "adsense", "adsbygoogle", "dfp", "gpt", "sponsored", "sponsor", "outbrain", "taboola",
        "recommended", "recommendations", "recirc", "trending", "popular", "mostread", "mostpopular", "nav", "navbar",
        "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "popup", "modal", "overlay", "pagination", "pager",
        "rating", "reactions", "tooltip", "skiplink", "sr-only", "visually-hidden", "visuallyhidden",
        "screen-reader-text", "login", "signin", "paywall-prompt", "more-stories", "read-more", "readmore",
        "also-read", "alsoread", "jump-link", "tags", "tag-list", "taglist", "keywords", "topics", "author-bio", "bio",
        "byline", "newsletter-signup",
    };

    private static readonly string[] StrongPrefixes =
    [
        "advert", "newsletter", "breadcrumb", "cookie", "taboola", "outbrain", "adsbygoogle", "sponsor", "subscri", "social",
        "related", "recommend", "sharing", "share-", "sharebar", "comments", "disqus",
    ];

    private static readonly HashSet<string> WeakTokens = new(StringComparer.Ordinal)
    {
        "header", "footer", "sidebar", "masthead", "banner", "widget", "widgets", "toolbar", "skip", "topbar", "bottombar",
        "site-header", "site-footer", "page-header", "page-footer", "rail", "right-rail", "left-rail", "aside", "meta",
        "utility", "utilities", "extra", "extras", "secondary", "complementary",
    };

    /// <summary>Words that say "this is the article": they protect an element from weak rules.</summary>
    private static readonly HashSet<string> ArticleTokens = new(StringComparer.Ordinal)
    {
        "article", "articlebody", "article-body", "story", "storybody", "story-body", "entry", "entry-content", "post",
        "post-content", "post-body", "main", "body", "content", "articletext", "article-text", "story-text",
    };

    private static readonly HashSet<string> StrongRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar", "tablist", "tooltip",
    };

    private static readonly HashSet<string> WeakRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "banner", "contentinfo", "complementary",
    };

    /// <summary>Tokens that only look like boilerplate words.</summary>
    private static readonly HashSet<string> FalseFriends = new(StringComparer.Ordinal)
    {
        "commentary", "shadow", "header-image", "promoted-article", "adaptive", "advisory",
    };

    public static BoilerplateSignal Classify(IElement element)
    {
        if (IsHidden(element)) return BoilerplateSignal.Strong;

        var role = element.GetAttribute("role");
        if (!string.IsNullOrEmpty(role))
        {
            if (StrongRoles.Contains(role)) return BoilerplateSignal.Strong;
            if (WeakRoles.Contains(role)) return BoilerplateSignal.Weak;
        }

        var tokens = ElementTokens.Of(element);
        if (tokens.Count == 0) return BoilerplateSignal.None;

        var strong = false;
        var weak = false;
        var article = false;
        foreach (var t in tokens)
        {
            if (FalseFriends.Contains(t)) continue;
            if (StrongTokens.Contains(t) || StartsWithAny(t, StrongPrefixes)) strong = true;
            else if (WeakTokens.Contains(t)) weak = true;
            if (ArticleTokens.Contains(t)) article = true;
        }
        // "social-media-embed" around a blockquote is a post quoted in the story (a tweet), not a share bar.
        if (strong && IsQuotedEmbed(element, tokens)) return BoilerplateSignal.None;
        if (strong && !(article && IsArticleBodyToken(tokens))) return BoilerplateSignal.Strong;
        if (weak && !article) return BoilerplateSignal.Weak;
        return BoilerplateSignal.None;
    }

    /// <summary>The element's class or id names it the article body ("article-body", "story-content").</summary>
    public static bool NamesArticleBody(IElement element)
    {
        var tokens = ElementTokens.Of(element);
        return tokens.Count > 0 && IsArticleBodyToken(tokens);
    }

    /// <summary>"article-body has-ads": the class names the body itself; its ad children are removed one by one.</summary>
    private static bool IsArticleBodyToken(IReadOnlyList<string> tokens) =>
        tokens.Any(t => t is "articlebody" or "article-body" or "storybody" or "story-body" or "entry-content" or "post-content"
            or "post-body" or "articletext" or "article-text" or "story-text" or "article-content" or "story-content");

    private static bool IsQuotedEmbed(IElement element, IReadOnlyList<string> tokens)
    {
        var embed = false;
        foreach (var t in tokens)
            if (t.Contains("embed", StringComparison.Ordinal)) embed = true;
        return embed && element.QuerySelector("blockquote") is not null;
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        if (string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style)) return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal)
            || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static bool StartsWithAny(string token, string[] prefixes)
    {
        foreach (var p in prefixes)
            if (token.StartsWith(p, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Scoring weight of an element's class and id: +25 for article words, -25 for boilerplate words (each of class and
    /// id).</summary>
    public static int ClassWeight(IElement element)
    {
        var weight = 0;
        foreach (var tokens in new[] { ElementTokens.OfClass(element), ElementTokens.OfId(element) })
        {
            if (tokens.Count == 0) continue;
            var positive = tokens.Any(t => ArticleTokens.Contains(t) || t is "hentry" or "blog" or "page" or "column");
            var negative = tokens.Any(t => !FalseFriends.Contains(t)
                                           && (StrongTokens.Contains(t) || WeakTokens.Contains(t) || StartsWithAny(t, StrongPrefixes)
                                               || t is "foot" or "footnote" or "caption" or "credit" or "teaser" or "card" or "promo-box"));
            if (negative) weight -= 25;
            if (positive) weight += 25;
        }
        return weight;
    }
}
