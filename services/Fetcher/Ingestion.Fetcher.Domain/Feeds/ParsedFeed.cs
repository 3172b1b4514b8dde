namespace Ingestion.Fetcher.Domain;

/// <summary>What a feed or sitemap says about itself and its items.</summary>
/// <param name="Kind"><c>rss</c>, <c>atom</c>, <c>json</c>, <c>sitemap</c> or <c>sitemapindex</c>.</param>
/// <param name="Title">The feed's title, plain text.</param>
/// <param name="Link">The site the feed belongs to (absolute URL), or null.</param>
/// <param name="Language">The feed's language (BCP 47 tag as written), or null.</param>
/// <param name="Items">Items in document order. For a sitemap index, the child sitemaps.</param>
/// <param name="TtlMinutes">How long the feed asks to be cached (RSS ttl, or syndication module period), or null.</param>
public sealed record ParsedFeed(
    string Kind,
    string? Title,
    string? Link,
    string? Language,
    IReadOnlyList<ParsedItem> Items,
    int? TtlMinutes)
{
    /// <summary>The precise format: <c>rss090</c>, <c>rss091n</c>, <c>rss091u</c>, <c>rss092</c>, <c>rss093</c>, <c>rss094</c>,
    /// <c>rss20</c>, <c>rss10</c>, <c>rss</c>, <c>atom03</c>, <c>atom10</c>, <c>atom</c>, <c>json1</c>, <c>json11</c>,
    /// <c>sitemap</c>, <c>sitemap-text</c>, <c>sitemapindex</c> (feedparser's names where it has them).</summary>
    public string Version { get; init; } = "";

    /// <summary>The feed's description / subtitle / tagline, plain text.</summary>
    public string? Subtitle { get; init; }

    /// <summary>When the feed says it last changed (lastBuildDate, updated), UTC.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>The character encoding the body was decoded with (web name), e.g. <c>utf-8</c>.</summary>
    public string? Encoding { get; init; }

    /// <summary>What was repaired to read the body (undeclared entities, stray ampersands, invalid characters, a
    /// non-UTF-8 body without a declaration); empty when the body was read as it came.</summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];

    /// <summary>Copyright / rights statement, plain text.</summary>
    public string? Rights { get; init; }

    /// <summary>The feed's own id (Atom id, JSON feed_url), or null.</summary>
    public string? Id { get; init; }

    /// <summary>The generator's name (plain text), or null.</summary>
    public string? Generator { get; init; }

    /// <summary>The feed's logo/image URL, or null.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>Authors (Atom author, RSS managingEditor, dc:creator/dc:publisher, JSON authors).</summary>
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];

    /// <summary>Contributors (Atom contributor, dc:contributor).</summary>
    public IReadOnlyList<FeedPerson> Contributors { get; init; } = [];

    /// <summary>Feed categories, plain text.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Every link of the feed element (Atom), in document order; <see cref="Link"/> is the alternate one.</summary>
    public IReadOnlyList<FeedLinkInfo> Links { get; init; } = [];
}
