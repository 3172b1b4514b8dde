using Ingestion.Cleaner.Domain.Html;

namespace Ingestion.Cleaner.Tests;

/// <summary>What the page loses before parsing: content and attributes nothing reads, and nothing else.</summary>
public sealed class RawTextTrimmerTests
{
    private static readonly string Filler = new('x', 80);

    [Fact]
    public void Comments_svg_content_and_unread_attributes_are_dropped()
    {
        var html =
            $"<div class=\"a\" data-id=\"7\" onclick=\"go('>')\"><!-- {Filler} --><svg viewBox=\"0 0 9 9\"><path d=\"{Filler}\"/></svg>" +
                   "<img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" sizes='100vw' alt=\"A\"><p>Text</p></div>";

        var trimmed = RawTextTrimmer.Trim(html);

        Assert.Equal("<div class=\"a\"><svg viewBox=\"0 0 9 9\"></svg><img src=\"a.jpg\" alt=\"A\"><p>Text</p></div>", trimmed);
    }

    [Fact]
    public void Json_ld_and_attributes_rules_read_are_kept()
    {
        var ld = "<script type=\"application/ld+json\">{\"articleBody\":\"<p data-x=\\\"1\\\">" + Filler + "</p>\"}</script>";
        var html = "<!DOCTYPE html><html lang=\"en\"><head>" + ld
            + "</head><body><time datetime=\"2024-03-12\" style=\"display:none\" hidden>x</time>" +
                   "<div role=\"navigation\" aria-hidden=\"true\" itemprop=\"articleBody\" id=\"main\">y</div></body></html>";

        Assert.Equal(html, RawTextTrimmer.Trim(html));
    }

    [Fact]
    public void A_page_with_nothing_to_drop_is_the_same_string()
    {
        var html = "<html><body><p class=\"lead\">Text</p></body></html>";
        Assert.Same(html, RawTextTrimmer.Trim(html));
    }

    [Fact]
    public void An_unclosed_tag_or_comment_leaves_the_rest_to_the_parser()
    {
        var comment = "<p>a</p><!-- never closed " + Filler;
        Assert.Same(comment, RawTextTrimmer.Trim(comment));
        var unclosed = "<p>a</p><div data-x=\"1";
        Assert.Same(unclosed, RawTextTrimmer.Trim(unclosed));
    }
}
