namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>An author, contributor or publisher as a feed gives it (any part may be missing).</summary>
public sealed record FeedPerson(string? Name, string? Email, string? Uri)
{
    /// <summary>URL of the person's picture (JSON Feed avatar), or null.</summary>
    public string? Avatar { get; init; }
}
