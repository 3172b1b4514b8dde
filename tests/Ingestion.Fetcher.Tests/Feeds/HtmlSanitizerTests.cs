using Ingestion.Fetcher.Domain;

namespace Ingestion.Fetcher.Tests.Feeds;

public class HtmlSanitizerTests
{
    [Theory]
    [InlineData("<p>safe <b>description</b></p>", "<p>safe <b>description</b></p>")]
    [InlineData("safe <script>alert(1)</script>description", "safe description")]
    [InlineData("<style>p{}</style><p style=\"color:red\" class=\"x\">t</p>", "<p>t</p>")]
    [InlineData("<img src=\"http://e.com/i.jpg\" onerror=\"x()\">", "<img src=\"http://e.com/i.jpg\" />")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"vbscript:x\">x</a><a href=\"data:text/html,x\">y</a>", "<a>x</a><a>y</a>")]
    [InlineData("<iframe src=\"http://e.com\">inner</iframe>safe", "safe")]
    [InlineData("<blink>text</blink>", "text")]
    [InlineData("a &amp; b &lt; c", "a &amp; b &lt; c")]
    [InlineData("plain text", "plain text")]
    [InlineData("<object><param name=x></object><embed src=x>", null)]
    public void Sanitizes(string input, string? expected) => Assert.Equal(expected, HtmlSanitizer.Sanitize(input));

    [Fact]
    public void ResolvesRelativeUrls() =>
        Assert.Equal("<a href=\"https://e.com/dir/x.html\">x</a>", HtmlSanitizer.Sanitize("<a href=\"x.html\">x</a>", new Uri("https://e.com/dir/feed")));

    [Theory]
    [InlineData("<p>One</p><p>Two &amp; three</p>", "One Two & three")]
    [InlineData("<script>x()</script>Visible", "Visible")]
    [InlineData("caf&eacute;", "café")]
    public void PlainText(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));
}
