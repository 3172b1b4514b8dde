namespace Ingestion.Contracts;

/// <summary>An article as the cleaner extracted it from its page: the text a reader reads, without boilerplate.</summary>
/// <param name="ArticleId">Stable id of the article (see <see cref="ArticleFetched.ArticleId"/>).</param>
/// <param name="Revision">Revision of the page this was extracted from.</param>
/// <param name="Url">Canonical URL: the page's declared canonical URL when it has one, else the fetched URL.</param>
/// <param name="Title">Headline.</param>
/// <param name="Authors">Author names (never "By" or "Staff"); empty when unknown.</param>
/// <param name="Published">Publication date, UTC; null when the page does not say.</param>
/// <param name="Modified">Last modification date, UTC; null when the page does not say.</param>
/// <param name="Language">ISO 639-1 language code, or null when unknown.</param>
/// <param name="SiteName">Name of the publication or agency (e.g. "Express News Service"), or null.</param>
/// <param name="Dateline">Place the story was filed from (e.g. "New Delhi"), or null.</param>
/// <param name="Description">The page's description or standfirst, or null.</param>
/// <param name="ImageUrl">Lead image URL, or null.</param>
/// <param name="Paragraphs">The body, one entry per paragraph, in reading order, each exactly once.</param>
/// <param name="Source">The source the article was found in.</param>
/// <param name="FetchedAt">When the page was fetched, UTC.</param>
/// <param name="Section">The section the page files the article under (e.g. "Politics"), or null. Added later: absent in older messages.</param>
/// <param name="Tags">The page's tags or keywords, or null when it has none. Added later: absent in older messages.</param>
public sealed record CleanedArticle(
    string ArticleId,
    int Revision,
    string Url,
    string Title,
    IReadOnlyList<string> Authors,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    string? Language,
    string? SiteName,
    string? Dateline,
    string? Description,
    string? ImageUrl,
    IReadOnlyList<string> Paragraphs,
    SourceRef Source,
    DateTimeOffset FetchedAt,
    string? Section = null,
    IReadOnlyList<string>? Tags = null);
