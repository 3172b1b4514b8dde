using System.Diagnostics;
using System.Text.RegularExpressions;
using Ingestion.Cleaner.Domain.Decoding;
using Ingestion.Cleaner.Domain.Html;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain;

/// <summary>
/// Turns a fetched page into an article: decodes the bytes, picks the extractor for the content (HTML or a plain-text
/// dump), and checks the result. Stateless: one instance can serve any number of threads.
/// </summary>
public sealed partial class ArticleExtractor
{
    private const int SniffChars = 8192;

    private readonly ExtractorOptions options;

    public ArticleExtractor() : this(ExtractorOptions.Default)
    {
    }

    public ArticleExtractor(ExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        BodyDecoder.EnsureInitialised();
    }

    [GeneratedRegex(@"<(?:!doctype\s+html|html|head|body|p|div|article|meta|title|span|section|main|h[1-6]|table|ul|li|br|a\s)[\s>/]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?([A-Za-z0-9_\-:.]{1,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    public ExtractionResult Extract(PageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        var body = input.Body ?? [];

        if (body.Length > options.MaxInputBytes)
            return Reject(RejectReasons.TooLarge,
                $"the page is {body.Length:N0} bytes; the cleaner reads at most {options.MaxInputBytes:N0}", body.Length, 0, clock);
        if (body.Length == 0)
            return Reject(RejectReasons.Empty, "the page is empty (0 bytes)", 0, 0, clock);
        if (LooksBinary(body))
            return Reject(RejectReasons.UnsupportedContent, $"the page is not text (content type '{input.ContentType}')", body.Length, 0,
                clock);

        var mediaType = (input.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        var charset = input.Charset;
        if (string.IsNullOrWhiteSpace(charset))
        {
            var m = CharsetParameter().Match(input.ContentType ?? string.Empty);
            if (m.Success) charset = m.Groups[1].Value;
        }

        var declaredHtml = mediaType is "text/html" or "application/xhtml+xml" or "application/xml+html" or "text/xml" or "application/xml";
        var declaredText = mediaType == "text/plain";
        var (bom, bomLength) = BodyDecoder.DetectBom(body);
        var sniffed = bom is not null && bom.CodePage != System.Text.Encoding.UTF8.CodePage
            ? bom.GetString(body, bomLength, Math.Min(body.Length - bomLength, SniffChars * 2) & ~1)
            : System.Text.Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, SniffChars));
        var markup = declaredText ? StartsAsHtml(sniffed) : LooksLikeMarkup(sniffed);
        if (declaredHtml && !markup && sniffed.Contains('<')) markup = MarkupTag().IsMatch(sniffed);

        var decoded = BodyDecoder.Decode(body, charset, markup);
        var draft = markup
            ? HtmlArticleExtractor.Extract(decoded.Text, input.Url, options)
            : TextDumpExtractor.Extract(decoded.Text, options);

        var (page, reason, detail) = ArticleAssembler.Assemble(draft, input.Item, preferFeedTitle: !markup, options);
        if (reason is not null)
        {
            var seen = new ExtractionStats(body.Length, 0, 0, draft.Dropped + draft.Paragraphs.Count, clock.Elapsed.TotalMilliseconds);
            return ExtractionResult.Rejected(reason, detail ?? reason, seen, page);
        }
        var stats = new ExtractionStats(body.Length, page.Paragraphs.Sum(p => p.Length), page.Paragraphs.Count, draft.Dropped,
            clock.Elapsed.TotalMilliseconds);
        return ExtractionResult.Accepted(page, stats);
    }

    private static ExtractionResult Reject(string reason, string detail, int bytes, int dropped, Stopwatch clock) =>
        ExtractionResult.Rejected(reason, detail, new ExtractionStats(bytes, 0, 0, dropped, clock.Elapsed.TotalMilliseconds));

    private static bool StartsAsHtml(string head)
    {
        var t = head.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static bool LooksLikeMarkup(string head)
    {
        if (StartsAsHtml(head)) return true;
        var count = 0;
        foreach (Match _ in MarkupTag().Matches(head))
            if (++count >= 3) return true;
        var t = head.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        return t.StartsWith('<') && count >= 1;
    }

    /// <summary>NUL bytes (outside UTF-16 text with a BOM) or well-known binary signatures.</summary>
    private static bool LooksBinary(byte[] body)
    {
        if (body.Length >= 2 && (body[0] == 0xFF && body[1] == 0xFE || body[0] == 0xFE && body[1] == 0xFF)) return false;
        ReadOnlySpan<byte> head = body.AsSpan(0, Math.Min(body.Length, 1024));
        if (head.StartsWith("%PDF"u8) || head.Length >= 4 && head[0] == 0x89 && head[1..4].SequenceEqual("PNG"u8)
            || head.StartsWith("GIF8"u8)
            || head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF
            || head.StartsWith("PK\x03\x04"u8) || head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
            return true;
        return head.IndexOf((byte)0) >= 0;
    }
}
