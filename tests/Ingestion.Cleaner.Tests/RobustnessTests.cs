using System.Diagnostics;
using System.Text;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>Hostile and odd input: size limits, binary bytes, deep nesting, long lines, concurrent use.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Input_over_the_limit_is_too_large()
    {
        var extractor = new ArticleExtractor(new ExtractorOptions { MaxInputBytes = 1000 });
        var r = extractor.Extract(new PageInput(new byte[1001], "text/html", null, "https://x.example/a", null));

        Assert.Equal(RejectReasons.TooLarge, r.RejectReason);
        Assert.Equal(1001, r.Stats.InputBytes);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })]
    [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x00, 0x43 })]
    public void Binary_bytes_are_unsupported(byte[] bytes)
    {
        var r = Pages.Extractor.Extract(new PageInput(bytes, "application/octet-stream", null, "https://x.example/a", null));
        Assert.Equal(RejectReasons.UnsupportedContent, r.RejectReason);
    }

    [Fact]
    public void Empty_body_is_empty()
    {
        var r = Pages.Extractor.Extract(new PageInput([], "text/html", null, "https://x.example/a", null));
        Assert.Equal(RejectReasons.Empty, r.RejectReason);
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Deeply_nested_markup_is_read_quickly_and_without_overflow(int depth)
    {
        var clock = Stopwatch.StartNew();
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++) sb.Append("<div>");
        sb.Append(HtmlPages.Article(1, 2, 3));
        for (var i = 0; i < depth; i++) sb.Append("</div>");
        sb.Append("</body></html>");

        var r = Pages.Html(sb.ToString());

        Assert.False(r.IsRejected, r.RejectDetail);
        Assert.Contains(Pages.Prose(2), r.Article!.Paragraphs);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Nesting_limit_keeps_text_and_leaves_normal_pages_alone()
    {
        var normal = HtmlPages.Doc("<div><div><p>One <b>two</b></p><script>if (a < b) { x = '<div>'; }</script><!-- <div> --></div></div>");
        Assert.Same(normal, Ingestion.Cleaner.Domain.Html.NestingLimiter.Limit(normal));

        var deep = string.Concat(Enumerable.Repeat("<div class=\"a>b\">", 10)) + "text" + string.Concat(Enumerable.Repeat("</div>", 10))
            + "<p>after</p>";
        var limited = Ingestion.Cleaner.Domain.Html.NestingLimiter.Limit(deep, maxDepth: 3);
        Assert.Equal(3, limited.Split("<div").Length - 1);
        Assert.Equal(3, limited.Split("</div>").Length - 1);
        Assert.Contains("text", limited);
        Assert.EndsWith("<p>after</p>", limited);
    }

    [Fact]
    public void Long_lines_and_unclosed_constructs_finish_quickly()
    {
        var junk = new StringBuilder();
        for (var i = 0; i < 20_000; i++) junk.Append("By a.b.c.d( 2024-01- March 3, <p class=\"x y z\" ");
        var text = junk.ToString();
        var clock = Stopwatch.StartNew();

        Pages.Text(text);
        Pages.Html("<html><body><p>" + text + "</p></body></html>");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void One_extractor_serves_many_threads_with_the_same_results()
    {
        var html = HtmlPages.Doc(HtmlPages.Nav + "<article><p>By Jane Doe | March 3, 2024</p>"
            + HtmlPages.Article(1, 2, 3) + HtmlPages.Related + "</article>");
        var seed = File.ReadAllBytes(TestFiles.Seed("000_07d19f153c2cce90.txt"));
        var expectedHtml = Pages.Html(html).Accepted();
        var expectedSeed = Pages.Extractor.Extract(new PageInput(seed, "text/plain", null, "file:///seed", null)).Accepted();

        var failures = 0;
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var a = i % 2 == 0
                ? Pages.Html(html).Article
                : Pages.Extractor.Extract(new PageInput(seed, "text/plain", null, "file:///seed", null)).Article;
            var expected = i % 2 == 0 ? expectedHtml : expectedSeed;
            if (a is null || !a.Paragraphs.SequenceEqual(expected.Paragraphs) || !a.Authors.SequenceEqual(expected.Authors)
                || a.Title != expected.Title)
                Interlocked.Increment(ref failures);
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void Large_page_is_extracted_in_reasonable_time()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i =
            0; i < 3000; i++) sb.Append("<div class=\"teaser\"><a href=\"/s").Append(i).Append("\">Link number ").Append(i).Append("</a></div>");
        sb.Append("<article>").Append(HtmlPages.Article(1, 2, 3, 4)).Append("</article>");
        for (var i = 0; i < 3000; i++) sb.Append("<p class=\"footer-note\">Note ").Append(i).Append("</p>");
        sb.Append("</body></html>");
        var clock = Stopwatch.StartNew();

        var a = Pages.Html(sb.ToString()).Accepted();

        Assert.Contains(Pages.Prose(1), a.Paragraphs);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
