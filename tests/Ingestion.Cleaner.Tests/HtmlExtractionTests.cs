using System.Text;
using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>HTML pages: the body among boilerplate, metadata from JSON-LD, Open Graph and markup, rejections, charsets.</summary>
public sealed class HtmlExtractionTests
{
    private static readonly string[] Expected = [Pages.Prose(1), Pages.Prose(2), Pages.Prose(3), Pages.Prose(4)];

    [Fact]
    public void Article_body_is_found_among_nav_share_related_cookie_comments_and_footer()
    {
        var html = HtmlPages.Doc(
            HtmlPages.Cookie + HtmlPages.Header + HtmlPages.Nav +
            "<main><article><h1>Harbour budget doubled</h1>" + HtmlPages.Share +
            "<div class=\"story-body\">" + HtmlPages.Article(1, 2) +
            "<div class=\"ad-slot\"><p>Advertisement</p></div>" + HtmlPages.Article(3, 4) + "</div>" +
            HtmlPages.Related + "</article>" + HtmlPages.Comments + "</main>" +
            "<aside class=\"sidebar\"><h3>Most read</h3><p>" + Pages.Prose(9) + "</p></aside>" + HtmlPages.Footer);

        var a = Pages.Html(html).Accepted();

        Assert.Equal(Expected, a.Paragraphs);
    }

    [Fact]
    public void Body_without_article_element_is_found_by_text_density()
    {
        var html = HtmlPages.Doc(
            HtmlPages.Header + HtmlPages.Nav +
            "<div id=\"wrapper\"><div class=\"col-left\"><ul>"
                + string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/s{i}\">Section number {i} of the site</a></li>"))
                + "</ul></div>" +
            "<div class=\"col-main\"><h1>Harbour budget doubled</h1>" + HtmlPages.Article(1, 2, 3, 4) + "</div></div>" + HtmlPages.Footer);

        var a = Pages.Html(html).Accepted();

        Assert.Equal(Expected, a.Paragraphs);
    }

    [Fact]
    public void Itemprop_article_body_is_preferred()
    {
        var html = HtmlPages.Doc(
            "<div class=\"teasers\">" + HtmlPages.Article(7, 8, 9) + "</div>" +
            "<div itemprop=\"articleBody\">" + HtmlPages.Article(1, 2, 3, 4) + "</div>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal(Expected, a.Paragraphs);
    }

    [Fact]
    public void Body_split_around_ad_slots_is_joined()
    {
        var html = HtmlPages.Doc(
            "<div class=\"article-content\"><div class=\"text-block\">" + HtmlPages.Article(1, 2) + "</div>" +
            "<div class=\"advert\"><iframe src=\"https://ads.example.com\"></iframe></div>" +
            "<div class=\"text-block\">" + HtmlPages.Article(3, 4) + "</div></div>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal(Expected, a.Paragraphs);
    }

    [Fact]
    public void Headings_lists_and_quotes_in_the_body_are_kept()
    {
        var html = HtmlPages.Doc(
            "<article>" + HtmlPages.P(1) + "<h2>What the council decided</h2>" + HtmlPages.P(2) +
            "<ul><li>The harbour budget doubles to 40 million</li><li>Work starts in the spring</li></ul>" +
            "<blockquote>We cannot wait another year for this, the mayor told the council meeting.</blockquote>" + HtmlPages.P(3)
                + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal(
            [Pages.Prose(1), "What the council decided", Pages.Prose(2), "The harbour budget doubles to 40 million",
                "Work starts in the spring",
             "We cannot wait another year for this, the mayor told the council meeting.", Pages.Prose(3)],
            a.Paragraphs);
    }

    [Fact]
    public void Trailing_heading_and_short_link_paragraphs_are_dropped()
    {
        var html = HtmlPages.Doc(
            "<article>" + HtmlPages.Article(1, 2, 3) +
            "<p><a href=\"/more\">More stories from the harbour</a></p><h2>Latest news</h2></article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void Boilerplate_words_match_whole_class_tokens_only()
    {
        // "shadow" holds "ad", "headline-box" and "thread" hold "head"/"read": none of them is boilerplate.
        var html = HtmlPages.Doc(
            "<article><div class=\"shadow-box\">" + HtmlPages.P(1) + "</div><div class=\"headline-box thread\">" + HtmlPages.P(2) +
            "</div><div class=\"loaded\">" + HtmlPages.P(3) + "</div><div class=\"ad\">" + HtmlPages.P(8) + "</div></article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void Header_inside_the_article_does_not_take_the_body_with_it()
    {
        var html = HtmlPages.Doc(
            "<article class=\"post\"><header class=\"entry-header\"><h1>Harbour budget doubled</h1><p class=\"byline\">By Jane "
                + "Doe</p></header>" +
            "<div class=\"entry-content\">" + HtmlPages.Article(1, 2, 3, 4) + "</div></article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal(Expected, a.Paragraphs);
        Assert.Equal(["Jane Doe"], a.Authors);
    }

    [Fact]
    public void Page_wrapped_in_a_form_keeps_its_body()
    {
        var html = HtmlPages.Doc("<form id=\"aspnetForm\" method=\"post\">" + HtmlPages.Nav + "<div class=\"story\">"
            + HtmlPages.Article(1, 2, 3, 4) + "</div></form>");
        Assert.Equal(Expected, Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void Page_wrapped_in_a_layout_class_keeps_its_body()
    {
        var html = HtmlPages.Doc("<div class=\"widget Blog has-sidebar\">" + "<div class=\"post-body\">" + HtmlPages.Article(1, 2, 3, 4)
            + "</div></div>");
        Assert.Equal(Expected, Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void Hidden_elements_and_scripts_are_not_text()
    {
        var html = HtmlPages.Doc(
            "<article>" + HtmlPages.P(1) + "<div style=\"display: none\">" + HtmlPages.P(7) + "</div>" +
            "<script>var x = 'not text';</script><noscript>Please enable JavaScript</noscript>" + HtmlPages.P(2) +
            "<p>googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });</p>" + HtmlPages.P(3) + "</article>");

        var a = Pages.Html(html).Accepted();

        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void Repeated_paragraphs_are_kept_once()
    {
        var html = HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2, 3) + "<p class=\"pullquote\">" + Pages.Prose(2) + "</p>"
            + HtmlPages.P(4) + "</article>");
        Assert.Equal(Expected, Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void Paragraphs_separated_by_line_breaks_are_split()
    {
        var html = HtmlPages.Doc("<div class=\"content\">" + Pages.Prose(1) + "<br><br>" + Pages.Prose(2) + "<br><br>" + Pages.Prose(3)
            + "</div>");
        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], Pages.Html(html).Accepted().Paragraphs);
    }

    [Fact]
    public void Json_ld_metadata_is_read()
    {
        var jsonLd = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://news.example.com/#site","name":"Example"},
              {"@type":"Organization","@id":"https://news.example.com/#org","name":"The Example Times"},
              {"@type":"NewsArticle","headline":"Council doubles the harbour budget &amp; delays the rail line",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"By John Roe"}],
               "datePublished":"2024-03-12T10:30:00+05:30","dateModified":"2024-03-13T08:00:00-04:00",
               "image":{"@type":"ImageObject","url":"https://cdn.example.com/harbour.jpg"},
               "publisher":{"@id":"https://news.example.com/#org"},
               "description":"The council voted to double the budget.","inLanguage":"en-GB"}
            ]}
            </script>
            """;
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2, 3) + "</article>", jsonLd, lang: "")).Accepted();

        Assert.Equal("Council doubles the harbour budget & delays the rail line", a.Title);
        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 5, 0, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 12, 0, 0, TimeSpan.Zero), a.Modified);
        Assert.Equal("https://cdn.example.com/harbour.jpg", a.ImageUrl);
        Assert.Equal("The Example Times", a.SiteName);
        Assert.Equal("The council voted to double the budget.", a.Description);
        Assert.Equal("en", a.Language);
    }

    [Fact]
    public void Broken_json_ld_is_ignored()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script><meta property=\"og:title\" "
            + "content=\"From Open Graph\">";
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>", head)).Accepted();
        Assert.Equal("From Open Graph", a.Title);
    }

    [Fact]
    public void Open_graph_and_meta_tags_are_read()
    {
        var head =
            "<meta property=\"og:title\" content=\"Harbour budget doubled\">" +
            "<meta property=\"og:site_name\" content=\"The Daily Planet\">" +
            "<meta property=\"og:description\" content=\"The council voted to double the harbour budget.\">" +
            "<meta property=\"og:image\" content=\"/images/harbour.jpg\">" +
            "<meta property=\"og:locale\" content=\"fr_FR\">" +
            "<meta property=\"article:published_time\" content=\"2024-03-12T22:15:00-05:00\">" +
            "<meta property=\"article:modified_time\" content=\"2024-03-13T01:00:00Z\">" +
            "<meta name=\"author\" content=\"By Jane Doe and John Roe\">";
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2, 3) + "</article>", head, lang: ""),
            "https://news.example.com/world/story").Accepted();

        Assert.Equal("Harbour budget doubled", a.Title);
        Assert.Equal("The Daily Planet", a.SiteName);
        Assert.Equal("The council voted to double the harbour budget.", a.Description);
        Assert.Equal("https://news.example.com/images/harbour.jpg", a.ImageUrl);
        Assert.Equal("fr", a.Language);
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 3, 15, 0, TimeSpan.Zero), a.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 13, 1, 0, 0, TimeSpan.Zero), a.Modified);
        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
    }

    [Fact]
    public void Html_lang_gives_the_language()
    {
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>", lang: "en-US")).Accepted();
        Assert.Equal("en", a.Language);
    }

    [Theory]
    [InlineData("<link rel=\"canonical\" href=\"https://news.example.com/world/harbour-budget\">",
        "https://news.example.com/world/harbour-budget")]
    [InlineData("<link rel=\"canonical\" href=\"/world/harbour-budget?ref=1\">", "https://news.example.com/world/harbour-budget?ref=1")]
    [InlineData("<meta property=\"og:url\" content=\"https://news.example.com/og\">", "https://news.example.com/og")]
    [InlineData("", null)]
    public void Canonical_url_is_read_and_made_absolute(string head, string? expected)
    {
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>", head),
            "https://news.example.com/world/story?utm_source=rss").Accepted();
        Assert.Equal(expected, a.CanonicalUrl);
    }

    [Fact]
    public void Title_falls_back_to_h1_then_to_the_title_element_without_the_site_name()
    {
        var withH1 = Pages.Html(HtmlPages.Doc("<article><h1>Council doubles harbour budget</h1>" + HtmlPages.Article(1, 2)
            + "</article>")).Accepted();
        Assert.Equal("Council doubles harbour budget", withH1.Title);
        Assert.DoesNotContain(withH1.Paragraphs, p => p == "Council doubles harbour budget");

        var withoutH1 = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>")).Accepted();
        Assert.Equal("Harbour budget doubled", withoutH1.Title);
    }

    [Fact]
    public void Byline_element_gives_cleaned_authors()
    {
        var html = HtmlPages.Doc("<article><div class=\"byline\">By <a href=\"/jane\">JANE DOE</a> and <a href=\"/john\">John Roe</a>, "
            + "Staff Writers</div>" + HtmlPages.Article(1, 2, 3) + "</article>");
        var a = Pages.Html(html).Accepted();

        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("Staff", StringComparison.Ordinal));
    }

    [Fact]
    public void Byline_and_date_lines_at_the_top_of_the_body_become_metadata()
    {
        var html = HtmlPages.Doc("<article><p>By Jane Doe | Updated: March 12, 2024 10:30 AM EST</p>" + HtmlPages.Article(1, 2, 3)
            + "</article>");
        var a = Pages.Html(html).Accepted();

        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 15, 30, 0, TimeSpan.Zero), a.Published);
        Assert.Equal([Pages.Prose(1), Pages.Prose(2), Pages.Prose(3)], a.Paragraphs);
    }

    [Fact]
    public void Time_element_dates_the_article()
    {
        var html = HtmlPages.Doc("<article><time datetime=\"2024-01-31T23:30:00+01:00\">31 January</time>" + HtmlPages.Article(1, 2)
            + "</article>");
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 22, 30, 0, TimeSpan.Zero), Pages.Html(html).Accepted().Published);
    }

    [Fact]
    public void Date_in_the_url_is_the_last_resort()
    {
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>"),
            "https://news.example.com/2023/12/27/harbour-budget/").Accepted();
        Assert.Equal(new DateTimeOffset(2023, 12, 27, 0, 0, 0, TimeSpan.Zero), a.Published);
    }

    [Fact]
    public void Dateline_is_read_from_the_first_paragraph()
    {
        var first = "WASHINGTON (Reuters) - " + Pages.Prose(1);
        var a = Pages.Html(HtmlPages.Doc("<article><p>" + first + "</p>" + HtmlPages.Article(2, 3) + "</article>")).Accepted();

        Assert.Equal("Washington", a.Dateline);
        Assert.Equal(first, a.Paragraphs[0]);
        Assert.Equal("Reuters", a.SiteName);
    }

    [Fact]
    public void Index_page_of_links_is_not_an_article()
    {
        var links = string.Concat(Enumerable.Range(1, 30).Select(i =>
            $"<li><a href=\"/story/{i}\">Headline number {i} about the harbour, the rail line and the budget</a></li>"));
        var r = Pages.Html(HtmlPages.Doc(HtmlPages.Nav + "<div class=\"content\"><ul>" + links + "</ul></div>"));

        Assert.True(r.IsRejected);
        Assert.Equal(RejectReasons.NotAnArticle, r.RejectReason);
    }

    [Fact]
    public void A_refused_page_still_says_what_it_is_and_when_it_was_published()
    {
        var r = Pages.Html("""
            <!doctype html><html lang="en-GB"><head><title>Short note | The Courier</title>
            <meta property="og:title" content="Ferry timetable changes on Sunday">
            <meta property="article:published_time" content="2024-03-04T09:30:00+01:00">
            <link rel="canonical" href="https://courier.example/news/ferry-timetable"></head>
            <body><article><h1>Ferry timetable changes on Sunday</h1><p>The first ferry leaves at seven.</p></article></body></html>
            """);

        Assert.True(r.IsRejected);
        Assert.Null(r.Article);
        Assert.Equal(RejectReasons.NotAnArticle, r.RejectReason);
        var page = Assert.IsType<ExtractedArticle>(r.RefusedPage);
        Assert.Same(page, r.Page);
        Assert.Equal("Ferry timetable changes on Sunday", page.Title);
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.FromHours(1)), page.Published);
        Assert.Equal("https://courier.example/news/ferry-timetable", page.CanonicalUrl);
        Assert.Equal("en", page.Language);
        Assert.Equal(0, r.Stats.ParagraphsKept);
    }

    [Fact]
    public void Index_page_of_teasers_is_not_an_article()
    {
        var teasers = string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"<div class=\"teaser\"><h2><a href=\"/story/{i}\">Headline number {i} about the harbour</a></h2><p>{Pages.Prose(i, 1)}</p></div>"));
        var r = Pages.Html(HtmlPages.Doc("<div class=\"section-front\">" + teasers + "</div>"));

        Assert.True(r.IsRejected);
        Assert.Equal(RejectReasons.NotAnArticle, r.RejectReason);
        Assert.Contains("index", r.RejectDetail);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>")]
    [InlineData("<html><body>   <div> </div> <script>var a = 1;</script></body></html>")]
    public void Empty_page_is_empty(string html)
    {
        var r = Pages.Html(html);
        Assert.True(r.IsRejected);
        Assert.Equal(RejectReasons.Empty, r.RejectReason);
    }

    [Fact]
    public void Short_page_is_not_an_article()
    {
        var r = Pages.Html(HtmlPages.Doc("<article><p>The council met on Tuesday and talked about the harbour.</p></article>"));
        Assert.Equal(RejectReasons.NotAnArticle, r.RejectReason);
        Assert.Contains("words", r.RejectDetail);
    }

    [Fact]
    public void Windows_1251_declared_in_meta_is_decoded()
    {
        var cyrillic = "Городской совет одобрил план реконструкции гавани во вторник после долгого обсуждения. ";
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
            + "charset=windows-1251\"><title>Совет</title></head><body><article>" +
                   string.Concat(Enumerable.Range(1, 4).Select(i =>
                       $"<p>{cyrillic} Заседание номер {i} продолжалось {i * 3} часа, и депутаты обсудили {i + 10} поправок к бюджету.</p>")) + "</article></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes(html);

        var a = Pages.Extractor.Extract(new PageInput(bytes, "text/html", null, "https://news.example.ru/a", null)).Accepted();

        Assert.Equal("Совет", a.Title);
        Assert.StartsWith("Городской совет одобрил план", a.Paragraphs[0]);
    }

    [Fact]
    public void Charset_in_the_content_type_and_declared_charset_are_used()
    {
        var html = HtmlPages.Doc("<article><p>Le conseil municipal a approuvé le budget du port à l'unanimité, après un débat très animé "
            + "sur la ligne ferroviaire et le coût des travaux.</p>" + HtmlPages.Article(1, 2)
                + "</article>").Replace("<meta charset=\"utf-8\">", "");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("iso-8859-1").GetBytes(html);

        var viaParameter = Pages.Extractor.Extract(new PageInput(bytes, "text/html; charset=ISO-8859-1", null, "https://x.example/a",
            null)).Accepted();
        var viaCharset = Pages.Extractor.Extract(new PageInput(bytes, "text/html", "iso-8859-1", "https://x.example/a", null)).Accepted();

        Assert.StartsWith("Le conseil municipal a approuvé", viaParameter.Paragraphs[0]);
        Assert.StartsWith("Le conseil municipal a approuvé", viaCharset.Paragraphs[0]);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252()
    {
        var html = HtmlPages.Doc("<article><p>Caf\u00e9 owners say the harbour project will bring more visitors to the old town, and the "
            + "council agreed on Tuesday.</p>" + HtmlPages.Article(1, 2) + "</article>").Replace("<meta charset=\"utf-8\">", "");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var a = Pages.Extractor.Extract(new PageInput(bytes, "text/html", null, "https://x.example/a", null)).Accepted();

        Assert.StartsWith("Café owners say", a.Paragraphs[0]);
    }

    [Fact]
    public void Utf8_bytes_win_over_a_wrong_legacy_declaration()
    {
        var html = HtmlPages.Doc("<article><p>Городской совет одобрил план реконструкции гавани во вторник после долгого обсуждения в "
            + "мэрии.</p>" + HtmlPages.Article(1, 2) + "</article>")
            .Replace("<meta charset=\"utf-8\">", "<meta charset=\"windows-1251\">");
        var a = Pages.Extractor.Extract(new PageInput(Encoding.UTF8.GetBytes(html), "text/html", null, "https://x.example/a",
            null)).Accepted();
        Assert.StartsWith("Городской совет", a.Paragraphs[0]);
    }

    [Fact]
    public void Byte_order_mark_is_honoured()
    {
        var html = HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>");
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(html)).ToArray();
        var a = Pages.Extractor.Extract(new PageInput(bytes, "text/html", null, "https://x.example/a", null)).Accepted();
        Assert.Equal([Pages.Prose(1), Pages.Prose(2)], a.Paragraphs);
    }

    [Fact]
    public void Feed_item_fills_metadata_the_page_lacks_but_the_page_title_wins()
    {
        var item = new Ingestion.Contracts.FeedItemInfo("id-1", "Feed headline", DateTimeOffset.Parse("2024-02-01T10:00:00+02:00"), null,
            ["Jane Doe"], [], "<p>Feed <b>summary</b></p>", "https://cdn.example.com/feed.jpg", "de-DE");
        var a = Pages.Html(HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>", lang: ""), item: item).Accepted();

        Assert.Equal("Harbour budget doubled", a.Title);
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(DateTimeOffset.Parse("2024-02-01T08:00:00Z"), a.Published);
        Assert.Equal("Feed summary", a.Description);
        Assert.Equal("https://cdn.example.com/feed.jpg", a.ImageUrl);
        Assert.Equal("de", a.Language);
    }

    [Fact]
    public void Html_served_as_plain_text_is_still_read_as_html()
    {
        var html = HtmlPages.Doc("<article>" + HtmlPages.Article(1, 2) + "</article>");
        var a = Pages.Extractor.Extract(new PageInput(Encoding.UTF8.GetBytes(html), "text/plain", null, "https://x.example/a",
            null)).Accepted();
        Assert.Equal([Pages.Prose(1), Pages.Prose(2)], a.Paragraphs);
    }

    [Fact]
    public void Stats_are_filled()
    {
        var html = HtmlPages.Doc(HtmlPages.Nav + "<article>" + HtmlPages.Article(1, 2, 3) + HtmlPages.Related + "</article>");
        var r = Pages.Html(html);

        Assert.Equal(Encoding.UTF8.GetByteCount(html), r.Stats.InputBytes);
        Assert.Equal(3, r.Stats.ParagraphsKept);
        Assert.True(r.Stats.ParagraphsDropped > 0);
        Assert.Equal(r.Article!.Paragraphs.Sum(p => p.Length), r.Stats.OutputChars);
        Assert.True(r.Stats.Milliseconds >= 0);
    }
}
