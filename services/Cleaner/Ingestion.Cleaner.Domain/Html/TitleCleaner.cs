using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>Takes the site's name off a title: "Talks resume | The Daily News" gives "Talks resume".</summary>
internal static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00BB ", " \u00B7 ", " / ", " : "];

    /// <param name="title">The title as the page gives it.</param>
    /// <param name="siteName">The site's name, when known.</param>
    /// <param name="aggressive">For the <c>&lt;title&gt;</c> element: also drop a short trailing part that is likely the site's
    /// name.</param>
    public static string? Clean(string? title, string? siteName, bool aggressive)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var t = TextNormalizer.CollapseWhitespace(title);
        foreach (var sep in Separators)
        {
            if (!t.Contains(sep, StringComparison.Ordinal)) continue;
            var parts = t.Split(sep).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (parts.Count < 2) continue;

            if (siteName is not null)
            {
                var siteKey = TextNormalizer.Key(siteName);
                var withoutSite = parts.Where(p => !IsSite(p, siteKey)).ToList();
                if (withoutSite.Count > 0 && withoutSite.Count < parts.Count)
                {
                    t = string.Join(sep, withoutSite);
                    continue;
                }
            }
            if (aggressive && sep is not " : " and not " / ")
            {
                var last = parts[^1];
                var rest = string.Join(sep, parts.Take(parts.Count - 1));
                if (TextNormalizer.WordCount(last) <= 4 && TextNormalizer.WordCount(rest) >= 3) t = rest;
            }
        }
        return t.Length == 0 ? null : t;
    }

    private static bool IsSite(string part, string siteKey)
    {
        var key = TextNormalizer.Key(part);
        if (key.Length == 0 || siteKey.Length == 0) return false;
        if (key == siteKey) return true;
        var compactPart = key.Replace(" ", "", StringComparison.Ordinal);
        var compactSite = siteKey.Replace(" ", "", StringComparison.Ordinal);
        return compactPart == compactSite || compactPart.StartsWith(compactSite, StringComparison.Ordinal)
            && compactPart.Length <= compactSite.Length + 4;
    }
}
