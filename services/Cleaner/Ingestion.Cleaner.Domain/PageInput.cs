using Ingestion.Contracts;

namespace Ingestion.Cleaner.Domain;

/// <summary>One fetched page, as the cleaner receives it.</summary>
/// <param name="Body">The page bytes, uncompressed.</param>
/// <param name="ContentType">Media type (parameters such as <c>; charset=</c> are allowed and ignored).</param>
/// <param name="Charset">Character set declared by the server, or null.</param>
/// <param name="Url">The URL the page was fetched from (after redirects); used to resolve relative links and dates in the path.</param>
/// <param name="Item">What the feed said about the item, or null; fills gaps the page leaves.</param>
public sealed record PageInput(byte[] Body, string ContentType, string? Charset, string Url, FeedItemInfo? Item);
