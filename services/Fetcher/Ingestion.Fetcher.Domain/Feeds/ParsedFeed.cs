using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds;

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

    /// <summary>When the feed says it was published (RSS pubDate, dcterms:issued, Atom 0.3 issued), UTC.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>How the title was written (type, xml:lang, xml:base).</summary>
    public FeedTextInfo? TitleDetail { get; init; }

    /// <summary>How the subtitle (description, tagline) was written.</summary>
    public FeedTextInfo? SubtitleDetail { get; init; }

    /// <summary>How the rights statement was written.</summary>
    public FeedTextInfo? RightsDetail { get; init; }

    /// <summary>Atom 0.3 <c>info</c> (what the feed is, for a reader who opens it in a browser), sanitized HTML.</summary>
    public string? InfoHtml { get; init; }

    /// <summary>How <see cref="InfoHtml"/> was written.</summary>
    public FeedTextInfo? InfoDetail { get; init; }

    /// <summary>Generator with its URI and version, when the feed names one.</summary>
    public FeedGenerator? GeneratorDetail { get; init; }

    /// <summary>Atom icon (small, square), absolute URL.</summary>
    public string? Icon { get; init; }

    /// <summary>Atom logo, absolute URL.</summary>
    public string? Logo { get; init; }

    /// <summary>RSS channel image with its title, link, size and description (or the Atom logo / another feed image).</summary>
    public FeedImage? Image { get; init; }

    /// <summary>The feed's own URL as it states it (Atom/RSS <c>rel="self"</c> link, JSON <c>feed_url</c>), or null.</summary>
    public string? FeedUrl { get; init; }

    /// <summary>URL the feed says it has moved to (iTunes new-feed-url, RSS newLocation), or null.</summary>
    public string? NewLocation { get; init; }

    /// <summary>Publisher (dc:publisher, RSS webMaster).</summary>
    public FeedPerson? Publisher { get; init; }

    /// <summary>RSS <c>managingEditor</c> as written, plain text.</summary>
    public string? ManagingEditor { get; init; }

    /// <summary>RSS <c>webMaster</c> as written, plain text.</summary>
    public string? WebMaster { get; init; }

    /// <summary>RSS <c>docs</c>: URL of the format's documentation.</summary>
    public string? Docs { get; init; }

    /// <summary>RSS <c>rating</c> (PICS label), plain text.</summary>
    public string? Rating { get; init; }

    /// <summary>RSS <c>cloud</c>.</summary>
    public FeedCloud? Cloud { get; init; }

    /// <summary>RSS <c>textInput</c>.</summary>
    public FeedTextInput? TextInput { get; init; }

    /// <summary>RSS <c>skipHours</c>: hours (0–23, GMT) in which aggregators may skip reading, as written.</summary>
    public IReadOnlyList<string> SkipHours { get; init; } = [];

    /// <summary>RSS <c>skipDays</c>: days on which aggregators may skip reading, as written.</summary>
    public IReadOnlyList<string> SkipDays { get; init; } = [];

    /// <summary>Categories with their scheme/domain and label (<see cref="Categories"/> has the names).</summary>
    public IReadOnlyList<FeedCategory> CategoryDetails { get; init; } = [];

    /// <summary>dcterms:valid start and end, when the feed gives them.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>End of <c>dcterms:valid</c>.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Elements of other namespaces at feed level, by prefix (canonical for well-known namespaces: dc, itunes,
    /// media, atom, content, ...) and local name; unknown elements without a namespace in RSS under <c>""</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> Extensions { get; init; } =
        FeedExtensions.None;

    /// <summary>JSON Feed next_url: the next page of a paginated feed, or null.</summary>
    public string? NextUrl { get; init; }

    /// <summary>JSON Feed favicon, absolute URL, or null.</summary>
    public string? Favicon { get; init; }

    /// <summary>JSON Feed user_comment: a note for someone who opens the feed, or null.</summary>
    public string? UserComment { get; init; }

    /// <summary>JSON Feed expired: true when the feed says it will not be updated again.</summary>
    public bool? Expired { get; init; }

    /// <summary>The version the document states (RSS version attribute, Atom 0.3 version, JSON Feed version), as written.</summary>
    public string? VersionText { get; init; }
}
