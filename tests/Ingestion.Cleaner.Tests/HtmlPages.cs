namespace Ingestion.Cleaner.Tests;

/// <summary>Small HTML pages for the tests, written here (no corpus files).</summary>
internal static class HtmlPages
{
    public static string P(int n) => $"<p>{Pages.Prose(n)}</p>";

    public static string Doc(string body, string head = "", string lang = "en") =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>Harbour budget doubled | The Daily Planet</title>{head}</head><body>{body}</body></html>";

    public const string Nav =
        "<nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a "
            + "href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>";

    public const string Header =
        "<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">The Daily Planet</a></div><div class=\"menu\"><a "
            + "href=\"/login\">Log in</a> <a href=\"/subscribe\">Subscribe</a></div></header>";

    public const string Share =
        "<div class=\"share-tools\"><a href=\"https://facebook.com/share\">Share on Facebook</a> <a "
            + "href=\"https://twitter.com/intent\">Share on Twitter</a> <span>Copy link</span></div>";

    public const string Related =
        "<div class=\"related-stories\"><h3>Related stories</h3><ul>" +
        "<li><a href=\"/a\">Mayor opens the new library extension after two years of delays and debate</a></li>" +
        "<li><a href=\"/b\">Port authority reports record traffic in the third quarter of the year</a></li>" +
        "<li><a href=\"/c\">Forest survey finds rare birds nesting near the old power station</a></li></ul></div>";

    public const string Cookie =
        "<div id=\"cookie-consent\" class=\"cookie-banner\"><p>We use cookies to improve your experience on our site and to show you "
            + "relevant advertising. By continuing to browse you agree to our use of cookies.</p><button>Accept</button></div>";

    public const string Comments =
        "<section id=\"comments\" class=\"comments\"><h3>Comments</h3><div class=\"comment\"><p>I have been saying this for years, the "
            + "harbour project was always going to cost more than they told us, and nobody listens.</p></div></section>";

    public const string Footer =
        "<footer class=\"site-footer\"><p>© 2024 The Daily Planet. All rights reserved.</p><a href=\"/privacy\">Privacy</a> <a "
            + "href=\"/terms\">Terms</a></footer>";

    public static string Article(params int[] paragraphs) => string.Concat(paragraphs.Select(P));
}
