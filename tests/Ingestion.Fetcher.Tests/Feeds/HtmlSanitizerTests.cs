using Ingestion.Fetcher.Domain.Feeds.Html;

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
    [InlineData("<iframe src=\"http://e.com\">inner</iframe>safe", "innersafe")]
    [InlineData("<blink>text</blink>", "text")]
    [InlineData("a &amp; b &lt; c", "a &amp; b &lt; c")]
    [InlineData("plain text", "plain text")]
    [InlineData("<object><param name=x></object><embed src=x>", null)]
    public void Sanitizes(string input, string? expected) => Assert.Equal(expected, HtmlSanitizer.Sanitize(input));

    [Theory]
    // The text of an iframe (which HTML parsers read as raw text) is sanitized as HTML in its place.
    [InlineData("safe<iframe src=\"http://e.com/\"> <b>description</b></iframe>", "safe <b>description</b>")]
    [InlineData("<iframe><b>x</b><script>alert(1)</script><img src=\"http://e.com/i.png\" onerror=\"alert(1)\"></iframe>",
        "<b>x</b><img src=\"http://e.com/i.png\" />")]
    // object's fallback content is kept; its params are not.
    [InlineData("safe<object classid=\"clsid:x\"><param name=\"a\" value=\"b\"> <b>description</b></object>", "safe <b>description</b>")]
    // Harmless elements feedparser keeps.
    [InlineData("<area shape=\"rect\" href=\"javascript:alert(1)\"><canvas>c</canvas>", "<area shape=\"rect\" /><canvas>c</canvas>")]
    [InlineData("<noscript>no script</noscript>", "<noscript>no script</noscript>")]
    // A table part without its table is kept (an HTML parser in body context would drop it).
    [InlineData("<td>cell</td>", "<tbody><tr><td>cell</td></tr></tbody>")]
    // Forms are unwrapped: their text stays, controls go.
    [InlineData("<form action=\"http://evil/\"><input name=\"a\"><button>Go</button><textarea>hi</textarea></form>", "Gohi")]
    public void KeepsHarmlessContent(string input, string expected) => Assert.Equal(expected, HtmlSanitizer.Sanitize(input));

    [Theory]
    [InlineData("<svg onload=\"alert(1)\"><script>alert(1)</script><circle r=\"5\" fill=\"#f00\"/></svg>",
        "<svg><circle r=\"5\" fill=\"#f00\"></circle></svg>")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>t</text></a></svg>", "<svg><a><text>t</text></a></svg>")]
    [InlineData("<svg><a xlink:href=\"http://e.com/\"><text>t</text></a></svg>",
        "<svg><a xlink:href=\"http://e.com/\"><text>t</text></a></svg>")]
    [InlineData("<svg><circle fill=\"url(javascript:alert(1))\" stroke=\"url(#grad)\"/></svg>",
        "<svg><circle stroke=\"url(#grad)\"></circle></svg>")]
    [InlineData("<svg><foreignObject><img src=x onerror=alert(1)></foreignObject><animate attributeName=\"href\" "
        + "values=\"javascript:alert(1)\"/><set attributeName=\"onclick\" to=\"alert(1)\"/></svg>", "<svg></svg>")]
    [InlineData("<math href=\"javascript:alert(1)\"><mi>x</mi><annotation-xml encoding=\"text/html\"><img src=x "
        + "onerror=alert(1)></annotation-xml></math>", "<math><mi>x</mi></math>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math><mtext><table></table></mtext></math>")]
    public void KeepsSvgAndMathThroughTheirAllowLists(string input, string expected) =>
        Assert.Equal(expected, HtmlSanitizer.Sanitize(input));

    [Theory]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">x</p></noscript>")]
    [InlineData("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">")]
    [InlineData("<iframe><iframe><iframe><script>alert(1)</script></iframe></iframe></iframe>")]
    [InlineData("<xmp><script>alert(1)</script></xmp><noembed><img src=x onerror=alert(1)></noembed>")]
    [InlineData("<a href=\"java\nscript:alert(1)\">x</a><img src=\"  javascript:alert(1)\"><div style=\"width: "
        + "expression(alert(1))\">d</div>")]
    public void NothingActiveSurvives(string input)
    {
        var html = HtmlSanitizer.Sanitize(input) ?? "";
        // Read the output as a browser would: no script-capable element, no event handler, no script URL, no CSS.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.LocalName,
                new[] { "script", "style", "iframe", "object", "embed", "foreignobject", "animate", "set" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"{element.LocalName}@{attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.LocalName);
                Assert.DoesNotMatch(@"(?i)^\s*(javascript|vbscript|data)\s*:", attribute.Value);
            }
        }
    }

    [Fact]
    public void ResolvesRelativeUrls() =>
        Assert.Equal("<a href=\"https://e.com/dir/x.html\">x</a>",
            HtmlSanitizer.Sanitize("<a href=\"x.html\">x</a>", new Uri("https://e.com/dir/feed")));

    [Theory]
    [InlineData("<p>One</p><p>Two &amp; three</p>", "One Two & three")]
    [InlineData("<script>x()</script>Visible", "Visible")]
    [InlineData("caf&eacute;", "café")]
    [InlineData("safe<iframe src=\"x\"> <b>description</b></iframe>", "safe description")]
    public void PlainText(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));
}
