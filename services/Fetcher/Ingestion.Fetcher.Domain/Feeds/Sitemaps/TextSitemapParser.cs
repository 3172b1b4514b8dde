namespace Ingestion.Fetcher.Domain.Feeds.Sitemaps;

/// <summary>A plain-text sitemap: one absolute http(s) URL per line; other lines are ignored.</summary>
internal static class TextSitemapParser
{
    public static bool TryParse(string text, out ParsedFeed feed)
    {
        var items = new List<ParsedItem>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim().Trim('\uFEFF');
            if (line.Length == 0) continue;
            if (!line.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                && !line.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) continue;
            if (line.Any(char.IsWhiteSpace) || !Uri.TryCreate(line, UriKind.Absolute, out _)) continue;
            items.Add(new ItemBuilder { Link = line }.Build());
        }
        feed = new ParsedFeed("sitemap", null, null, null, items, null) { Version = "sitemap-text" };
        return items.Count > 0;
    }
}
