using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Extracts an article from an HTML page: metadata from the whole document first, then boilerplate removal, the
/// choice of the body's root, and the cleaning of its text blocks.
/// </summary>
internal static class HtmlArticleExtractor
{
    [ThreadStatic] private static HtmlParser? parser;

    /// <summary>
    /// One parser per thread (a parser and its browsing context are built once, not per page), without the attribute
    /// observers a browser needs to load resources: nothing here loads anything.
    /// </summary>
    private static HtmlParser Parser => parser ??= new HtmlParser(
        new HtmlParserOptions { IsKeepingSourceReferences = false },
        BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    public static ArticleDraft Extract(string html, string url, ExtractorOptions options)
    {
        _ = options;
        var draft = new ArticleDraft();
        var markup = NestingLimiter.Limit(RawTextTrimmer.Trim(html));
        using var document = Parser.ParseDocument(markup);

        var meta = MetadataReader.Read(document, url, html);
        var body = document.Body;
        if (body is null)
        {
            FillMetadata(draft, meta, null);
            return draft;
        }

        var rawBlocks = TextBlockCollector.Collect([body]);
        draft.RawWords = rawBlocks.Sum(b => b.Words);
        DomCleaner.Clean(body);
        var stats = NodeStats.Compute(body);
        var roots = ContentScorer.ChooseRoots(body, stats);
        var blocks = TextBlockCollector.Collect(roots);
        var title = ChooseTitle(meta);
        var extracted = BodyExtractor.Extract(blocks, title);
        var paragraphs = extracted.Paragraphs;
        var dropped = extracted.Dropped;

        var words = paragraphs.Sum(TextNormalizer.WordCount);
        if (FromJsonLd(meta.JsonLdArticleBody) is { } ldParagraphs)
        {
            var ldWords = ldParagraphs.Sum(TextNormalizer.WordCount);
            if (ldWords >= 40 && ldWords >= 2 * Math.Max(words, 1))
            {
                paragraphs = ldParagraphs;
                words = ldWords;
            }
        }

        if (IndexPageDetector.Check(blocks, meta.DeclaresArticle, words) is { } indexReason)
        {
            draft.RejectReason = RejectReasons.NotAnArticle;
            draft.RejectDetail = indexReason;
        }

        draft.Paragraphs.AddRange(paragraphs);
        // Everything the page held as text but the body does not: boilerplate removed with its elements, blocks
        // outside the chosen root, and blocks dropped inside it.
        draft.Dropped = Math.Max(dropped, rawBlocks.Count - paragraphs.Count);
        draft.Title = title;
        FillMetadata(draft, meta, extracted);
        return draft;
    }

    private static void FillMetadata(ArticleDraft draft, PageMetadata meta, BodyResult? body)
    {
        draft.AddAuthors(meta.Authors);
        if (draft.Authors.Count == 0 && body?.Byline is { } byline) draft.AddAuthors(byline.Authors);
        draft.Published = meta.Published ?? body?.Byline?.Published;
        draft.UrlDate = meta.UrlDate;
        draft.Modified = meta.Modified ?? body?.Byline?.Modified;
        draft.Language = meta.Language;
        draft.Section = meta.Section;
        draft.Tags = meta.Tags;
        draft.SiteName = meta.SiteName ?? body?.Byline?.Agency;
        draft.Description = meta.Description;
        draft.ImageUrl = meta.ImageUrl;
        draft.CanonicalUrl = meta.CanonicalUrl;
        if (draft.Paragraphs.Count > 0 && Datelines.Find(draft.Paragraphs[0]) is { } dateline)
        {
            draft.Dateline = dateline.Place;
            draft.SiteName ??= dateline.Agency;
        }
    }

    private static string? ChooseTitle(PageMetadata meta) =>
        TitleCleaner.Clean(meta.Title, meta.SiteName, aggressive: false)
        ?? meta.H1
        ?? TitleCleaner.Clean(meta.DocumentTitle, meta.SiteName, aggressive: true);

    /// <summary>JSON-LD <c>articleBody</c> as paragraphs (it is plain text, sometimes with markup or one line per paragraph).</summary>
    private static List<string>? FromJsonLd(string? articleBody)
    {
        if (string.IsNullOrWhiteSpace(articleBody)) return null;
        var text = articleBody.Contains('<')
            ? ArticleAssembler.StripHtml(articleBody.Replace("</p>", "</p>\n", StringComparison.OrdinalIgnoreCase))
            ?? "" : System.Net.WebUtility.HtmlDecode(articleBody);
        var paragraphs = text.Split('\n')
            .Select(p => TextNormalizer.CollapseWhitespace(ScriptFragments.Remove(p)))
            .Where(p => p.Length > 0 && !BoilerplateLines.IsBoilerplate(p))
            .ToList();
        var keep = RepeatedParagraphs.Keep(paragraphs);
        return paragraphs.Where((_, i) => keep[i]).ToList();
    }
}
