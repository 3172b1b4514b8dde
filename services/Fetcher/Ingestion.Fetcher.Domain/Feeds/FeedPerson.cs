namespace Ingestion.Fetcher.Domain;

/// <summary>An author, contributor or publisher as a feed gives it (any part may be missing).</summary>
public sealed record FeedPerson(string? Name, string? Email, string? Uri);
