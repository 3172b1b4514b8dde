namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>The body is not a feed or sitemap we can read: malformed, of an unknown format, or refused (a DTD, a bomb).</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException(string message) : base(message) { }

    public FeedFormatException(string message, Exception inner) : base(message, inner) { }
}
