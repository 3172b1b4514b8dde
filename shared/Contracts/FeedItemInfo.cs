namespace Ingestion.Contracts;

/// <summary>What a feed said about one of its items. Every field is optional: feeds in the wild omit most of them.</summary>
/// <param name="Id">The item's id or guid as the feed gave it.</param>
/// <param name="Title">The item's title, plain text.</param>
/// <param name="Published">Publication date, UTC.</param>
/// <param name="Updated">Last update date, UTC.</param>
/// <param name="Authors">Author names.</param>
/// <param name="Categories">Categories or tags.</param>
/// <param name="Summary">Summary or description, sanitized HTML.</param>
/// <param name="ImageUrl">Enclosure or media image URL.</param>
/// <param name="Language">Language the feed declares (BCP 47 tag).</param>
public sealed record FeedItemInfo(
    string? Id,
    string? Title,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    string? Summary,
    string? ImageUrl,
    string? Language);
