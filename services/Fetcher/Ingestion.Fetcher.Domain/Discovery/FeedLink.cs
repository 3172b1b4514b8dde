namespace Ingestion.Fetcher.Domain.Discovery;

/// <summary>A feed a page announces with <c>&lt;link rel="alternate"&gt;</c>.</summary>
/// <param name="Href">The href as written (may be relative).</param>
/// <param name="Url">The href resolved against the page URL (or <see cref="Href"/> when there is no base).</param>
/// <param name="Type">The declared type (<c>application/rss+xml</c>, ...).</param>
/// <param name="Title">The link's title, or null.</param>
public sealed record FeedLink(string Href, string Url, string Type, string? Title);
