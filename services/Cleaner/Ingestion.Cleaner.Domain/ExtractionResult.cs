using Ingestion.Contracts;

namespace Ingestion.Cleaner.Domain;

/// <summary>Measurements of one extraction, for logs and metrics.</summary>
/// <param name="InputBytes">Size of the page in bytes.</param>
/// <param name="OutputChars">Characters of body text kept (paragraphs added up).</param>
/// <param name="ParagraphsKept">Paragraphs in the article body.</param>
/// <param name="ParagraphsDropped">Candidate paragraphs dropped as boilerplate, repeats or link lists.</param>
/// <param name="Milliseconds">Wall time spent.</param>
public sealed record ExtractionStats(int InputBytes, int OutputChars, int ParagraphsKept, int ParagraphsDropped, double Milliseconds);

/// <summary>
/// An article as extracted from a page, before it gets its id, revision and source. <see cref="Published"/> and
/// <see cref="Modified"/> keep the offset the page states (their day is the page's own day); the message form
/// (<see cref="ExtractedArticleExtensions.ToCleanedArticle"/>) carries them in UTC.
/// </summary>
public sealed record ExtractedArticle(
    string Title,
    IReadOnlyList<string> Authors,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    string? Language,
    string? SiteName,
    string? Dateline,
    string? Description,
    string? ImageUrl,
    string? CanonicalUrl,
    IReadOnlyList<string> Paragraphs,
    string? Section = null,
    IReadOnlyList<string>? Tags = null)
{
    /// <summary>The body as one text: paragraphs joined by a blank line (the form the enricher's offsets refer to).</summary>
    public string BodyText => ArticleBody.Of(Paragraphs);
}

/// <summary>The outcome of one extraction: an article, or a refusal with its reason.</summary>
/// <param name="Article">The article, or null when the page was refused.</param>
/// <param name="RejectReason">Machine-readable reason (see <see cref="RejectReasons"/>) when refused.</param>
/// <param name="RejectDetail">Human-readable explanation when refused.</param>
/// <param name="Stats">Measurements, filled in both cases.</param>
/// <param name="RefusedPage">
/// When a page was read but refused (not an article, no body left): what its metadata says — title, authors, dates,
/// language, canonical URL — and the little text it kept. For operators (the rejection names the page) and for
/// measuring metadata on every page; never passed on as an article. Null for accepted pages and for pages that could
/// not be read at all (too large, not text).
/// </param>
public sealed record ExtractionResult(
    ExtractedArticle? Article, string? RejectReason, string? RejectDetail, ExtractionStats Stats, ExtractedArticle? RefusedPage = null)
{
    public bool IsRejected => Article is null;

    /// <summary>The article, or for a refused page what was read of it.</summary>
    public ExtractedArticle? Page => Article ?? RefusedPage;

    public static ExtractionResult Accepted(ExtractedArticle article, ExtractionStats stats) => new(article, null, null, stats);

    public static ExtractionResult Rejected(string reason, string detail, ExtractionStats stats, ExtractedArticle? refusedPage = null) =>
        new(null, reason, detail, stats, refusedPage);
}

/// <summary>The machine-readable reasons the cleaner refuses a page with.</summary>
public static class RejectReasons
{
    /// <summary>No readable text at all.</summary>
    public const string Empty = "empty";

    /// <summary>Text, but not an article: too little body text, or an index page made mostly of links.</summary>
    public const string NotAnArticle = "not-an-article";

    /// <summary>The page is larger than the cleaner accepts.</summary>
    public const string TooLarge = "too-large";

    /// <summary>The bytes are not text (an image, a PDF, ...).</summary>
    public const string UnsupportedContent = "unsupported-content";
}
