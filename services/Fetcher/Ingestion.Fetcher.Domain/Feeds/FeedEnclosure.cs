namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>A file attached to an item (RSS enclosure, Atom rel="enclosure" link, JSON Feed attachment).</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Type">Declared media type, or null.</param>
/// <param name="Length">Declared size in bytes, as written, or null.</param>
public sealed record FeedEnclosure(string Url, string? Type, string? Length)
{
    /// <summary>The attachment's title (JSON Feed), or null.</summary>
    public string? Title { get; init; }

    /// <summary>Its duration in seconds as written (JSON Feed), or null.</summary>
    public string? DurationSeconds { get; init; }
}
