namespace Ingestion.Fetcher.Domain.Robots;

/// <summary>A parsed robots.txt (RFC 9309): the group that applies to our user agent (its product token matched
/// case-insensitively, else <c>*</c>), longest-match Allow/Disallow with <c>*</c> and <c>$</c>, Crawl-delay, and the
/// <c>Sitemap:</c> lines as written, in order.</summary>
public sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern)> rules;

    private RobotsTxt(List<(bool, string)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
    {
        this.rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
    }

    /// <summary>Everything allowed (robots.txt absent: 404/410, as RFC 9309 says).</summary>
    public static RobotsTxt AllowAll { get; } = new([], null, []);

    /// <summary>Everything disallowed (robots.txt unreachable: 5xx, as RFC 9309 says).</summary>
    public static RobotsTxt DisallowAll { get; } = new([(false, "/")], null, []);

    public TimeSpan? CrawlDelay { get; }

    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Parses robots.txt text for the given user agent (its first product token is what is matched).</summary>
    public static RobotsTxt Parse(string text, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(text);
        var token = (userAgent ?? "*").Split('/', ' ')[0].Trim().ToLowerInvariant();
        var sitemaps = new List<string>();
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(bool, string)> Rules, TimeSpan? Delay)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim().TrimStart('\uFEFF');
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (current is null || !lastWasAgent)
                    {
                        current = ([], [], null);
                        groups.Add(current.Value);
                    }
                    current.Value.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    continue;
                case "sitemap":
                    if (value.Length > 0) sitemaps.Add(value);
                    break;
                case "allow":
                case "disallow":
                    if (current is not null && value.Length > 0) current.Value.Rules.Add((key == "allow", value));
                    break;
                case "crawl-delay":
                    if (current is not null
                        && double.TryParse(value, System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0)
                    {
                        var index = groups.IndexOf(current.Value);
                        current = (current.Value.Agents, current.Value.Rules, TimeSpan.FromSeconds(Math.Min(s, 86400)));
                        groups[index] = current.Value;
                    }
                    break;
            }
            lastWasAgent = false;
        }

        var mine = groups.Where(g =>
            g.Agents.Any(a => a != "*" && token.Length > 0 && token.Contains(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        var rules = mine.SelectMany(g => g.Rules).ToList();
        var delay = mine.Select(g => g.Delay).FirstOrDefault(d => d is not null);
        return new RobotsTxt(rules, delay, sitemaps);
    }

    /// <summary>
    /// The <c>Sitemap:</c> URLs to follow for the site at <paramref name="site"/>: absolute http(s) URLs (a relative one is
    /// read against the site) on the same host — a robots.txt may name another site's sitemaps, which are not this
    /// site's to offer — without duplicates, in order, at most <paramref name="max"/>.
    /// </summary>
    public IReadOnlyList<string> SitemapsOf(Uri site, int max)
    {
        ArgumentNullException.ThrowIfNull(site);
        var result = new List<string>();
        foreach (var written in Sitemaps)
        {
            if (result.Count >= max) break;
            if (!Uri.TryCreate(site, written, out var url) || url.Scheme is not ("http" or "https")) continue;
            if (!string.Equals(url.IdnHost, site.IdnHost, StringComparison.OrdinalIgnoreCase)) continue;
            var absolute = url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
            if (!result.Contains(absolute, StringComparer.Ordinal)) result.Add(absolute);
        }
        return result;
    }

    /// <summary>Whether the path (with query) of <paramref name="url"/> may be fetched. /robots.txt is always allowed.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.PathAndQuery;
        if (path == "/robots.txt") return true;
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in rules)
        {
            if (!Matches(pattern, path)) continue;
            var length = pattern.Length;
            if (length > best || (length == best && allow))
            {
                best = length;
                allowed = allow;
            }
        }
        return allowed;
    }

    private static bool Matches(string pattern, string path)
    {
        if (Patterns.Count > 50_000) Patterns.Clear();
        var regex = Patterns.GetOrAdd(pattern, static p =>
        {
            var anchored = p.EndsWith('$');
            var body = anchored ? p[..^1] : p;
            var parts = body.Split('*').Select(part => System.Text.RegularExpressions.Regex.Escape(Unescape(part)));
            return new System.Text.RegularExpressions.Regex("^" + string.Join(".*", parts) + (anchored ? "$" : ""),
                System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        });
        try { return regex.IsMatch(Unescape(path)); }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { return false; }
    }

    private static string Unescape(string s)
    {
        try { return Uri.UnescapeDataString(s); }
        catch (UriFormatException) { return s; }
    }

    /// <summary>Compiled patterns shared by all robots.txt files (bounded: cleared when it grows past 50,000).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> Patterns =
        new(StringComparer.Ordinal);
}
