using Ingestion.Cleaner.Domain;

namespace Ingestion.Cleaner.Tests;

/// <summary>Plain-text dumps: each kind of header line and boilerplate, recognised by shape rather than by words.</summary>
public sealed class TextDumpTests
{
    private static readonly string Body = string.Join("\n\n", Pages.Prose(1), Pages.Prose(2), Pages.Prose(3));

    [Theory]
    [InlineData("By Jane Doe | Updated: 12 March 2024", "Jane Doe", "2024-03-12")]
    [InlineData("date 2024-01-05 Arjun Mehta By", "Arjun Mehta", "2024-01-05")]
    [InlineData("By Maria Lopez, Staff Writer · March 3, 2024", "Maria Lopez", "2024-03-03")]
    [InlineData("Published: 2024-02-29 | By Tom O'Neil", "Tom O'Neil", "2024-02-29")]
    [InlineData("BY SARAH CONNOR / Dec. 1, 2022", "Sarah Connor", "2022-12-01")]
    public void Byline_line_gives_author_and_date(string byline, string author, string date)
    {
        var a = Pages.Text(byline + "\n\n" + Body).Accepted();

        Assert.Equal([author], a.Authors);
        Assert.Equal(DateTimeOffset.Parse(date + "T00:00:00Z"), a.Published);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains(author, StringComparison.Ordinal));
    }

    [Fact]
    public void Byline_with_two_authors_gives_both()
    {
        var a = Pages.Text("By Jane Doe and John Roe | 5 May 2023\n\n" + Body).Accepted();
        Assert.Equal(["Jane Doe", "John Roe"], a.Authors);
    }

    [Fact]
    public void Byline_time_with_zone_is_converted_to_utc()
    {
        var a = Pages.Text("By Priya Nair | Updated: 12 March 2024, 10:30 AM IST\n\n" + Body).Accepted();
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 5, 0, 0, TimeSpan.Zero), a.Published);
    }

    [Theory]
    [InlineData("Express News Service", "Express News Service")]
    [InlineData("Press Trust of India", "Press Trust of India")]
    [InlineData("Reuters", "Reuters")]
    [InlineData("IANS", "IANS")]
    [InlineData("Associated Press", "Associated Press")]
    [InlineData("Online Desk", "Online Desk")]
    [InlineData("Hindustan Times News Service", "Hindustan Times News Service")]
    public void Agency_line_before_the_body_gives_site_name(string line, string expected)
    {
        var a = Pages.Text("By Jane Doe | 1 June 2024\n\n" + line + "\n\n" + Body).Accepted();
        Assert.Equal(expected, a.SiteName);
        Assert.DoesNotContain(a.Paragraphs, p => p == line);
    }

    [Theory]
    [InlineData("NEW DELHI: ", "New Delhi", null)]
    [InlineData("WASHINGTON (Reuters) - ", "Washington", "Reuters")]
    [InlineData("LONDON, March 3 -- ", "London", null)]
    [InlineData("KYIV, Ukraine (AP) \u2014 ", "Kyiv, Ukraine", "Associated Press")]
    [InlineData("ST. LOUIS: ", "St. Louis", null)]
    [InlineData("Mumbai, Dec 27 (PTI): ", "Mumbai", "Press Trust of India")]
    public void Dateline_is_read_and_the_paragraph_kept_unchanged(string dateline, string place, string? agency)
    {
        var first = dateline + Pages.Prose(7);
        var a = Pages.Text(first + "\n\n" + Body).Accepted();

        Assert.Equal(place, a.Dateline);
        Assert.Equal(first, a.Paragraphs[0]);
        if (agency is not null) Assert.Equal(agency, a.SiteName);
    }

    [Theory]
    [InlineData("However: the council said more money would be needed for the harbour and the rail line next year.")]
    [InlineData("US President Joe Biden said the council would need more money for the harbour and the rail line.")]
    public void Ordinary_first_sentences_are_no_dateline(string first)
    {
        var a = Pages.Text(first + "\n\n" + Body).Accepted();
        Assert.Null(a.Dateline);
    }

    [Theory]
    [InlineData("ALSO READ | Minister signs deal on nuclear power project")]
    [InlineData("Also read: Minister signs deal on nuclear power project")]
    [InlineData("READ MORE: Minister signs deal on nuclear power project")]
    [InlineData("Related: Minister signs deal on nuclear power project")]
    [InlineData("RELATED STORY Minister signs deal on nuclear power project")]
    [InlineData("Read more - Minister signs deal on nuclear power project")]
    public void Related_link_lines_are_dropped(string line)
    {
        var a = Pages.Text(Pages.Prose(1) + "\n\n" + line + "\n\n" + Pages.Prose(2) + "\n\n" + Pages.Prose(3)).Accepted();

        Assert.Equal(3, a.Paragraphs.Count);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains("nuclear", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Follow The Daily Planet channel on WhatsApp")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Sign up for our daily briefing newsletter")]
    [InlineData("Download the Daily Planet app for the latest news")]
    [InlineData("Click here to read the full report")]
    [InlineData("Join our Telegram channel for breaking news")]
    [InlineData("Follow us on Twitter and Facebook")]
    [InlineData("Advertisement")]
    [InlineData("Story continues below advertisement")]
    [InlineData("© 2024 Daily Planet Media. All rights reserved.")]
    public void Promotion_and_label_lines_are_dropped(string line)
    {
        var a = Pages.Text(Pages.Prose(1) + "\n\n" + line + "\n\n" + Pages.Prose(2) + "\n\n" + Pages.Prose(3)).Accepted();

        Assert.Equal(3, a.Paragraphs.Count);
        Assert.DoesNotContain(a.Paragraphs, p => p.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_mentioning_a_newsletter_is_kept()
    {
        var sentence = "The mayor, who writes a weekly newsletter for residents, said the harbour project would need another review before "
            + "the council votes in June, and that the rail line would have to wait for next year's budget.";
        var a = Pages.Text(sentence + "\n\n" + Body).Accepted();
        Assert.Equal(sentence, a.Paragraphs[0]);
    }

    [Fact]
    public void Body_repeated_as_one_run_on_paragraph_is_dropped_with_its_glued_tail()
    {
        var paragraphs = new[] { Pages.Prose(1), Pages.Prose(2), Pages.Prose(3), Pages.Prose(4) };
        var runOn = string.Join(" ", paragraphs)
            + " ALSO READ | Minister signs deal on power project Follow The Daily Planet channel on WhatsApp";
        var text = string.Join("\n\n", paragraphs) + "\n\nFollow The Daily Planet channel on WhatsApp\n\n" + runOn;

        var a = Pages.Text(text).Accepted();

        Assert.Equal(paragraphs, a.Paragraphs);
    }

    [Fact]
    public void Run_on_copy_standing_first_is_dropped_and_the_paragraphs_kept()
    {
        var paragraphs = new[] { Pages.Prose(1), Pages.Prose(2), Pages.Prose(3) };
        var text = string.Join(" ", paragraphs) + "\n\n" + string.Join("\n\n", paragraphs);

        var a = Pages.Text(text).Accepted();

        Assert.Equal(paragraphs, a.Paragraphs);
    }

    [Fact]
    public void Paragraph_sharing_one_sentence_with_another_is_kept()
    {
        var p1 = Pages.Prose(1);
        var shared = Sentences(p1)[0];
        var p2 = shared + " " + Pages.Prose(5);
        var a = Pages.Text(p1 + "\n\n" + p2 + "\n\n" + Pages.Prose(6)).Accepted();
        Assert.Equal(3, a.Paragraphs.Count);
    }

    [Theory]
    [InlineData("googletag.cmd.push(function() {googletag.display('div-gpt-ad-1234567-8'); });")]
    [InlineData("googletag.cmd.push(function () { googletag.display(\"div-gpt-ad-99\"); });")]
    [InlineData("(adsbygoogle = window.adsbygoogle || []).push({});")]
    [InlineData("window.dataLayer = window.dataLayer || [];")]
    [InlineData("window.adConfig = {slot: 'top', sizes: [[300, 250]]};")]
    [InlineData("var _taboola = window._taboola || [];")]
    [InlineData("dataLayer.push({'event': 'articleView'});")]
    [InlineData("(function() { var s = document.createElement('script'); s.async = true; })();")]
    public void Script_fragments_are_removed_wherever_they_stand(string script)
    {
        var sentence = "The council approved the plan on Tuesday.";
        var glued = sentence + script + " The vote was close, officials said.";
        var a = Pages.Text(glued + "\n\n" + Body).Accepted();

        Assert.Equal("The council approved the plan on Tuesday. The vote was close, officials said.", a.Paragraphs[0]);
    }

    [Fact]
    public void Script_fragment_on_a_line_of_its_own_is_dropped()
    {
        var a = Pages.Text(Pages.Prose(1) + "\n\ngoogletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });\n\n"
            + Pages.Prose(2)).Accepted();
        Assert.Equal([Pages.Prose(1), Pages.Prose(2)], a.Paragraphs);
    }

    [Fact]
    public void Title_is_derived_from_the_lead_without_dateline_and_attribution()
    {
        var lead = "NEW DELHI: The city council will double the budget for the harbour project in 2025, said Mayor Anil Kumar in a "
            + "statement on Tuesday.";
        var a = Pages.Text(lead + "\n\n" + Body).Accepted();
        Assert.Equal("The city council will double the budget for the harbour project in 2025", a.Title);
    }

    [Fact]
    public void Derived_title_is_cut_at_a_word_boundary()
    {
        var lead = "The city council will double the budget for the harbour project and the rail line and the water board and the school "
            + "plan and the bridge repair in 2025.";
        var a = Pages.Text(lead + "\n\n" + Body).Accepted();
        Assert.True(a.Title.Length <= 110, a.Title);
        Assert.StartsWith("The city council will double the budget", a.Title);
        Assert.Contains(a.Title.Split(' ')[^1], lead.Split(' '));
    }

    [Fact]
    public void Feed_title_wins_over_a_derived_one()
    {
        var a = Pages.Text(Body, Pages.Item("Harbour budget doubled")).Accepted();
        Assert.Equal("Harbour budget doubled", a.Title);
    }

    [Fact]
    public void Feed_item_fills_the_gaps_the_page_leaves()
    {
        var published = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        var a = Pages.Text(Body, Pages.Item("A title", published, "By Jane Doe")).Accepted();

        Assert.Equal(published, a.Published);
        Assert.Equal(published.Offset, a.Published!.Value.Offset); // the stated offset is kept; the message form is UTC
        Assert.Equal(["Jane Doe"], a.Authors);
    }

    [Fact]
    public void Page_byline_wins_over_the_feed_item()
    {
        var a = Pages.Text("By Jane Doe | 1 June 2024\n\n"
            + Body, Pages.Item("A title", DateTimeOffset.Parse("2024-06-02T00:00:00Z"), "Someone Else")).Accepted();
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(DateTimeOffset.Parse("2024-06-01T00:00:00Z"), a.Published);
    }

    [Fact]
    public void Header_title_line_is_used_when_there_is_no_feed_title()
    {
        var a = Pages.Text("Harbour budget to double next year\n\nBy Jane Doe | 1 June 2024\n\n" + Body).Accepted();
        Assert.Equal("Harbour budget to double next year", a.Title);
        Assert.Equal(3, a.Paragraphs.Count);
    }

    [Fact]
    public void Hard_wrapped_paragraphs_are_joined()
    {
        var wrapped = "The council approved the plan for the harbour on Tuesday after a long\ndebate about the cost of the new rail line "
            + "and the water board, and\nresidents asked for clearer answers about the bridge repair schedule.";
        var a = Pages.Text(wrapped + "\n\n" + Body).Accepted();
        Assert.Equal(wrapped.Replace('\n', ' '), a.Paragraphs[0]);
    }

    [Fact]
    public void Windows_line_ends_are_handled()
    {
        var a = Pages.Text(("By Jane Doe | 1 June 2024\n\n" + Body).Replace("\n", "\r\n")).Accepted();
        Assert.Equal(3, a.Paragraphs.Count);
        Assert.Equal(["Jane Doe"], a.Authors);
    }

    [Fact]
    public void Too_little_text_is_not_an_article()
    {
        var r = Pages.Text("By Jane Doe | 1 June 2024\n\nThe council met on Tuesday.");
        Assert.True(r.IsRejected);
        Assert.Equal(RejectReasons.NotAnArticle, r.RejectReason);
        Assert.Contains("words", r.RejectDetail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  \t ")]
    [InlineData("Advertisement\n\nFollow us on Twitter")]
    public void No_text_is_empty(string text)
    {
        var r = Pages.Text(text);
        Assert.True(r.IsRejected);
        Assert.Equal(RejectReasons.Empty, r.RejectReason);
        Assert.False(string.IsNullOrWhiteSpace(r.RejectDetail));
    }

    [Fact]
    public void Body_without_markup_is_read_as_text_whatever_the_content_type()
    {
        var r = Pages.Extractor.Extract(new PageInput(System.Text.Encoding.UTF8.GetBytes("By Jane Doe | 1 June 2024\n\n" + Body),
            "application/octet-stream", null, "file:///x", null));
        Assert.Equal(["Jane Doe"], r.Accepted().Authors);
    }

    [Fact]
    public void Body_declared_html_without_any_markup_is_read_as_text()
    {
        var r = Pages.Extractor.Extract(new PageInput(System.Text.Encoding.UTF8.GetBytes("By Jane Doe | 1 June 2024\n\n" + Body),
            "text/html; charset=utf-8", null, "https://x.example/a", null));
        var a = r.Accepted();
        Assert.Equal(["Jane Doe"], a.Authors);
        Assert.Equal(3, a.Paragraphs.Count);
    }

    private static List<string> Sentences(string text) => Ingestion.Cleaner.Domain.Text.Sentences.Split(text);
}
