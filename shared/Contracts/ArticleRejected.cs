namespace Ingestion.Contracts;

/// <summary>
/// A stage refused a document instead of passing it on: not an article, empty after cleaning, too large, unreadable.
/// Nothing is dropped silently: every refusal is published with its reason.
/// </summary>
/// <param name="ArticleId">Id of the article, or of the URL that was refused.</param>
/// <param name="Revision">Revision of the page concerned (0 when it was never fetched).</param>
/// <param name="Url">The URL or file concerned.</param>
/// <param name="Stage"><c>fetcher</c>, <c>cleaner</c>, <c>enricher</c> or <c>indexer</c>.</param>
/// <param name="Reason">A short machine-readable reason, e.g. <c>too-large</c>, <c>not-an-article</c>, <c>empty</c>, <c>http-error</c>.</param>
/// <param name="Detail">A human-readable explanation.</param>
/// <param name="RejectedAt">When it was refused, UTC.</param>
/// <param name="Title">What the refused page calls itself, when the stage read it (the cleaner does); null otherwise and in older messages.</param>
/// <param name="Published">The publish date the refused page states, UTC, when the stage read one.</param>
/// <param name="Language">The refused page's language, when known.</param>
public sealed record ArticleRejected(
    string ArticleId,
    int Revision,
    string Url,
    string Stage,
    string Reason,
    string Detail,
    DateTimeOffset RejectedAt,
    string? Title = null,
    DateTimeOffset? Published = null,
    string? Language = null);
