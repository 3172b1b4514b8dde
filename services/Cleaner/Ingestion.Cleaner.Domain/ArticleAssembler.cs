using System.Net;
using AngleSharp.Html.Parser;
using Ingestion.Cleaner.Domain.Authors;
using Ingestion.Cleaner.Domain.Text;
using Ingestion.Contracts;

namespace Ingestion.Cleaner.Domain;

/// <summary>
/// Turns a draft into the result: the feed item fills the gaps the page left, a title is derived when there is none,
/// and pages with too little text are refused.
/// </summary>
internal static class ArticleAssembler
{
    /// <summary>
    /// The page as an article, and the reason when it is refused (then the article is what was read of the page:
    /// see <see cref="ExtractionResult.RefusedPage"/>).
    /// </summary>
    public static (ExtractedArticle Page, string? Reason, string? Detail) Assemble(
        ArticleDraft draft, FeedItemInfo? item, bool preferFeedTitle, ExtractorOptions options)
    {
        var (reason, detail) = Refusal(draft, options);
        return (Build(draft, item, preferFeedTitle, options), reason, detail);
    }

    private static (string? Reason, string? Detail) Refusal(ArticleDraft draft, ExtractorOptions options)
    {
        if (draft.RejectReason is not null) return (draft.RejectReason, draft.RejectDetail ?? draft.RejectReason);
        var words = draft.Paragraphs.Sum(TextNormalizer.WordCount);
        if (words == 0)
        {
            var detail = draft.RawWords == 0
                ? "the page holds no readable text"
                : $"no article text left after removing boilerplate ({draft.RawWords} words on the page, {draft.Dropped} blocks dropped)";
            return (RejectReasons.Empty, detail);
        }
        if (words < options.MinBodyWords)
            return (RejectReasons.NotAnArticle,
                $"only {words} words of body text in {draft.Paragraphs.Count} paragraph(s); an article needs at least {options.MinBodyWords}");
        return (null, null);
    }

    private static ExtractedArticle Build(ArticleDraft draft, FeedItemInfo? item, bool preferFeedTitle, ExtractorOptions options)
    {
        var feedTitle = Clean(item?.Title);
        var title = preferFeedTitle ? feedTitle ?? Clean(draft.Title) : Clean(draft.Title) ?? feedTitle;
        if (string.IsNullOrEmpty(title))
            title = draft.Paragraphs.Count > 0 ? TitleDeriver.Derive(draft.Paragraphs[0], options.MaxDerivedTitleChars) : "";

        IReadOnlyList<string> authors = draft.Authors.Count > 0
            ? draft.Authors.ToList()
            : AuthorNames.Clean(item?.Authors ?? []);

        var article = new ExtractedArticle(
            Title: title,
            Authors: authors,
            Published: draft.Published ?? item?.Published ?? draft.UrlDate,
            Modified: draft.Modified ?? item?.Updated,
            Language: ChooseLanguage(draft.Language ?? LanguageCodes.Normalise(item?.Language), draft.Paragraphs),
            SiteName: Clean(draft.SiteName),
            Dateline: draft.Dateline,
            Description: Clean(draft.Description) ?? Clean(StripHtml(item?.Summary)),
            ImageUrl: Clean(draft.ImageUrl) ?? Clean(item?.ImageUrl),
            CanonicalUrl: Clean(draft.CanonicalUrl),
            Paragraphs: draft.Paragraphs.ToList(),
            Section: Clean(draft.Section),
            Tags: draft.Tags.Count > 0 ? draft.Tags : Text.Tags.Clean(item?.Categories ?? []));
        return article;
    }

    /// <summary>The declared language, unless the text is in another script; the text's language when none is declared.</summary>
    private static string? ChooseLanguage(string? declared, IReadOnlyList<string> paragraphs)
    {
        var guessed = LanguageGuesser.Guess(paragraphs);
        if (declared is null) return guessed;
        return guessed is not null && LanguageGuesser.ContradictsScript(declared, guessed) ? guessed : declared;
    }

    private static string? Clean(string? text)
    {
        var t = TextNormalizer.CollapseWhitespace(text);
        return t.Length == 0 ? null : t;
    }

    /// <summary>Feed summaries are sanitized HTML; the article wants text.</summary>
    internal static string? StripHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (html.IndexOf('<') < 0) return WebUtility.HtmlDecode(html);
        var document = new HtmlParser().ParseDocument("<!doctype html><body>" + html);
        return document.Body?.TextContent;
    }
}
