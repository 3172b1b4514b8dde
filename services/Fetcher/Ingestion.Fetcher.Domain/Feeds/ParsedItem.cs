using Ingestion.Contracts;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>One item of a feed or sitemap.</summary>
/// <param name="Link">Absolute URL of the article (relative links resolved against xml:base and the feed URL);
/// empty when the item has none (see <see cref="HasLink"/>).</param>
/// <param name="Info">What the feed said about the item, in the message contract's shape.</param>
public sealed record ParsedItem(string Link, FeedItemInfo Info)
{
    /// <summary>False when the feed gave no usable link for this item: such an item cannot be fetched.</summary>
    public bool HasLink => Link.Length > 0;

    /// <summary>The item's full content (content:encoded, atom:content, content_html), sanitized HTML, when the feed has it.</summary>
    public string? ContentHtml { get; init; }

    /// <summary>Publication (site) name a news sitemap gives (news:publication/news:name).</summary>
    public string? PublicationName { get; init; }

    /// <summary>The authors with what the feed says of them (name, email, URI); <see cref="FeedItemInfo.Authors"/> has the names.</summary>
    public IReadOnlyList<FeedPerson> AuthorDetails { get; init; } = [];

    /// <summary>Contributors (Atom contributor, dc:contributor).</summary>
    public IReadOnlyList<FeedPerson> Contributors { get; init; } = [];

    /// <summary>Attached files (audio, video, images, documents).</summary>
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];

    /// <summary>Rights / copyright of the item, plain text.</summary>
    public string? Rights { get; init; }

    /// <summary>URL of the item's comments page (RSS comments), or null.</summary>
    public string? Comments { get; init; }

    /// <summary>The feed the item was first published in (Atom source, RSS source), when the feed says so.</summary>
    public ParsedFeed? Source { get; init; }

    /// <summary>Every link of the item (Atom), in document order; <see cref="Link"/> is the one to fetch.</summary>
    public IReadOnlyList<FeedLinkInfo> Links { get; init; } = [];

    /// <summary>How the title was written (type, xml:lang, xml:base).</summary>
    public FeedTextInfo? TitleDetail { get; init; }

    /// <summary>How the summary was written.</summary>
    public FeedTextInfo? SummaryDetail { get; init; }

    /// <summary>How the content was written.</summary>
    public FeedTextInfo? ContentDetail { get; init; }

    /// <summary>Atom <c>content src</c>: the content lives at this URL (absolute), not in the feed.</summary>
    public string? ContentSource { get; init; }

    /// <summary>How the rights statement was written.</summary>
    public FeedTextInfo? RightsDetail { get; init; }

    /// <summary>RSS guid's isPermaLink (true unless the feed says "false"); null when the item has no guid.</summary>
    public bool? GuidIsPermaLink { get; init; }

    /// <summary>Publisher (dc:publisher).</summary>
    public FeedPerson? Publisher { get; init; }

    /// <summary>Licence URL (cc:license, creativeCommons:license, Atom rel="license").</summary>
    public string? License { get; init; }

    /// <summary>RSS expirationDate, UTC.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Categories with their scheme/domain and label (<see cref="FeedItemInfo.Categories"/> has the names).</summary>
    public IReadOnlyList<FeedCategory> CategoryDetails { get; init; } = [];

    /// <summary>Elements of other namespaces in the item, by prefix and local name (see <see cref="ParsedFeed.Extensions"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> Extensions { get; init; } =
        FeedExtensions.None;

    /// <summary>JSON Feed content_text: the content as plain text, when the feed gives it.</summary>
    public string? ContentText { get; init; }

    /// <summary>JSON Feed banner_image, absolute URL, or null.</summary>
    public string? BannerImage { get; init; }
}
