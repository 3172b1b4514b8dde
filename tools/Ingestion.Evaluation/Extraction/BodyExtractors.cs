using System.Diagnostics;
using System.Text;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Evaluation.Extraction;

/// <summary>One page's body as an extractor found it: null when it refused the page; a note for the per-page line.</summary>
public sealed record PageOutcome(string? Body, string Note, double Milliseconds);

/// <summary>An article body extractor the <c>extraction</c> command can score and time.</summary>
public interface IBodyExtractor
{
    string Name { get; }

    PageOutcome Extract(byte[] page, string url);
}

/// <summary>The extractors <c>--extractor NAME</c> chooses from: <c>ours</c> (the cleaner) and <c>smartreader</c>.</summary>
public static class BodyExtractors
{
    public static IBodyExtractor? Named(string name) => name switch
    {
        "ours" => new Ours(),
        "smartreader" => new SmartReaderBaseline(),
        _ => null,
    };

    private sealed class Ours : IBodyExtractor
    {
        private readonly ArticleExtractor extractor = new();

        public string Name => "ours";

        public PageOutcome Extract(byte[] page, string url)
        {
            var r = extractor.Extract(new PageInput(page, "text/html", null, url, null));
            return r.Article is { } a
                ? new PageOutcome(a.BodyText, $"paragraphs={r.Stats.ParagraphsKept}", r.Stats.Milliseconds)
                : new PageOutcome(null, $"rejected={r.RejectReason}", r.Stats.Milliseconds);
        }
    }

    /// <summary>
    /// SmartReader 0.11.1 (the C# port of Mozilla's Readability) with its defaults. It gets the page as text decoded
    /// as UTF-8 (the benchmark's pages are); its body is its <c>TextContent</c>, and a page it finds unreadable counts
    /// as refused. Nothing is downloaded: the reader is given the page's text.
    /// </summary>
    private sealed class SmartReaderBaseline : IBodyExtractor
    {
        public string Name => "smartreader";

        public PageOutcome Extract(byte[] page, string url)
        {
            var clock = Stopwatch.StartNew();
            // The (uri, text) constructor reads the given text; the static ParseArticle(uri, ...) would download the uri.
            var article = new SmartReader.Reader(url, Encoding.UTF8.GetString(page)).GetArticle();
            var body = article.IsReadable ? article.TextContent : null;
            return new PageOutcome(body, article.IsReadable ? "readable" : "rejected=unreadable"
                + (article.Errors.Count > 0 ? $" error={article.Errors[0].GetType().Name}:{article.Errors[0].Message}" : ""),
                clock.Elapsed.TotalMilliseconds);
        }
    }
}
