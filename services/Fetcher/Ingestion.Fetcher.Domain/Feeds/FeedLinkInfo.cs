namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>One link element of a feed or item as written (Atom link; rel defaults to <c>alternate</c>).</summary>
/// <param name="Href">Absolute URL (resolved against xml:base and the feed URL).</param>
public sealed record FeedLinkInfo(string Rel, string Href, string? Type, string? Title, string? HrefLang, string? Length);
