using Ingestion.Contracts;

namespace Ingestion.Fetcher.Domain;

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
}
