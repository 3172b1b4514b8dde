using Ingestion.Contracts;
using Ingestion.Enricher.Domain;

namespace Ingestion.Enricher.Tests;

public sealed class QuoteTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static IReadOnlyList<Quote> Quotes(string body) => Enricher.Enrich(SeedArticle.FromText(body)).Quotes;

    [Fact]
    public void Said_after_the_quote_with_straight_quotes()
    {
        var q = Assert.Single(Quotes("Foreign Minister Sergey Lavrov met reporters.\n\n\"Our ties are based on mutual respect,\" said "
            + "Lavrov."));
        Assert.Equal("Our ties are based on mutual respect", q.Text);
        Assert.Equal("Sergey Lavrov", q.Speaker);
    }

    [Fact]
    public void Name_and_verb_after_the_quote_with_curly_quotes()
    {
        var q = Assert.Single(Quotes("External Affairs Minister S Jaishankar was in Moscow. “We discussed connectivity and the polar route,"
            + "” Jaishankar added."));
        Assert.Equal("We discussed connectivity and the polar route", q.Text);
        Assert.Equal("S Jaishankar", q.Speaker);
    }

    [Fact]
    public void Attribution_before_the_quote()
    {
        var q = Assert.Single(Quotes("Mark Twain told reporters: \"This is a sad day for all of us who worked here.\""));
        Assert.Equal("Mark Twain", q.Speaker);
        Assert.Equal("This is a sad day for all of us who worked here.", q.Text);
    }

    [Fact]
    public void Pronoun_speaker_is_the_person_named_last_and_continues_to_the_next_quote()
    {
        var quotes = Quotes("Jane Doe, a spokeswoman for the agency, spoke briefly.\n\n\"The decision is final,\" she said. \"We will not "
            + "appeal.\"");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Jane Doe", q.Speaker));
    }

    [Fact]
    public void Unattributed_quote_has_no_speaker_and_scare_quotes_are_skipped()
    {
        var quotes = Quotes("The so-called \"experts\" were not consulted. \"Nobody asked the people who actually live here about any of "
            + "this.\"");
        var q = Assert.Single(quotes);
        Assert.Null(q.Speaker);
        Assert.StartsWith("Nobody asked", q.Text);
    }

    [Fact]
    public void Quote_running_over_two_paragraphs_is_one_quote()
    {
        var quotes = Quotes("“The first part of a long statement goes on here\n\n“and it continues in the next paragraph,” Twain "
            + "said.\n\nMark Twain left.");
        var q = Assert.Single(quotes);
        Assert.Equal("The first part of a long statement goes on here and it continues in the next paragraph", q.Text);
        Assert.Equal("Mark Twain", q.Speaker);
    }

    [Fact]
    public void Quotes_are_in_reading_order()
    {
        var quotes = Quotes("\"One two three four,\" said Lavrov. \"Five six seven eight,\" said Jaishankar.");
        Assert.Equal(["One two three four", "Five six seven eight"], quotes.Select(q => q.Text));
        Assert.Equal(["Lavrov", "Jaishankar"], quotes.Select(q => q.Speaker));
    }
}
