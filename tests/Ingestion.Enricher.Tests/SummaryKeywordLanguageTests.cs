using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Language;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Tests;

public sealed class SummaryTests
{
    private static readonly ArticleEnricher Enricher = new();

    [Fact]
    public void Long_article_gets_three_sentences_in_reading_order()
    {
        var paragraphs = Enumerable.Range(1, 8).Select(i =>
            $"Paragraph {i} reports that the harbour authority approved plan number {i} for the new container terminal.").ToList();
        var summary = Enricher.Enrich(SeedArticle.Make(paragraphs)).Summary;
        var sentences = SentenceSplitter.Split(summary);
        Assert.Equal(3, sentences.Count);
        var numbers = sentences.Select(s => int.Parse(summary[s.Start..s.End].Split(' ')[1])).ToList();
        Assert.Equal(numbers.OrderBy(n => n), numbers);
        Assert.Equal(1, numbers[0]); // lead bias
    }

    [Fact]
    public void Short_article_gets_two_sentences()
    {
        var summary = Enricher.Enrich(SeedArticle.FromText(
            "The council approved the new budget for the coming year on Monday evening. " +
            "Spending on roads and schools will rise by ten percent next year. " +
            "The opposition said the plan was far too expensive for the town.")).Summary;
        Assert.Equal(2, SentenceSplitter.Split(summary).Count);
    }

    [Fact]
    public void A_quote_of_several_sentences_is_never_cut()
    {
        var body = "\"We spent a lot of time on this. It was not easy. But the result is good for everyone in the region,\" said the mayor "
            + "of the town on Tuesday.\n\n" +
                   "The town council approved the new harbour plan after a long debate on Tuesday.\n\n" +
                   "Work on the harbour will start in the spring and take about two years to finish.";
        var summary = Enricher.Enrich(SeedArticle.FromText(body)).Summary;
        Assert.Equal(0, summary.Count(c => c == '"') % 2);
        Assert.DoesNotContain("It was not easy", summary.Replace("\"We spent a lot of time on this. It was not easy.", ""));
    }

    [Fact]
    public void Dateline_is_dropped()
    {
        var summary = Enricher.Enrich(SeedArticle.FromText("MOSCOW: The two ministers met for the seventh time this year.\n\nThey agreed "
            + "to meet again in the spring of next year.")).Summary;
        Assert.StartsWith("The two ministers met", summary);
    }

    [Theory]
    [InlineData("LONDON (Reuters) - The two ministers met for the seventh time this year.")]
    [InlineData("WASHINGTON — The two ministers met for the seventh time this year.")]
    [InlineData("The two ministers met for the seventh time this year.")]
    public void Agency_datelines_are_dropped(string lead)
    {
        var summary = Enricher.Enrich(SeedArticle.FromText(lead + "\n\nThey agreed to meet again in the spring of next year.")).Summary;
        Assert.StartsWith("The two ministers met", summary);
    }

    [Fact]
    public void Empty_body_gives_empty_enrichment()
    {
        var e = Enricher.Enrich(SeedArticle.Make([]));
        Assert.Equal("", e.Summary);
        Assert.Empty(e.Entities);
        Assert.Empty(e.Keywords);
        Assert.Empty(e.Quotes);
        Assert.Equal(0, e.WordCount);
        Assert.Equal(1, e.ReadingMinutes);
        Assert.Equal("0000000000000000", e.Fingerprint);
        Assert.Null(e.Language);
    }
}

public sealed class KeywordTests
{
    private static readonly ArticleEnricher Enricher = new();

    [Fact]
    public void Keywords_have_no_stopword_at_their_edges_and_no_titles()
    {
        var e = Enricher.Enrich(SeedArticle.Article());
        var stop = Domain.Entities.Gazetteer.Default.Stopwords;
        foreach (var k in e.Keywords.Where(k => e.Entities.All(x => x.Name != k))) // names such as "S Jaishankar" are whole
        {
            var words = k.ToLowerInvariant().Split(' ');
            Assert.DoesNotContain(words[0], stop);
            Assert.DoesNotContain(words[^1], stop);
        }
        Assert.DoesNotContain(e.Keywords, k => k.Contains("Affairs") || k.Contains("Foreign Minister"));
    }

    [Fact]
    public void Keywords_do_not_cut_through_names()
    {
        var e = Enricher.Enrich(SeedArticle.FromText(
            "Foreign Minister Sergey Lavrov discussed energy trade. Sergey Lavrov said energy trade with Asia grew. " +
            "Energy trade and oil prices matter, Lavrov said. Oil prices fell as energy trade slowed."));
        Assert.Contains("energy trade", e.Keywords);
        Assert.DoesNotContain(e.Keywords, k => k is "Sergey" or "Minister Sergey" or "Lavrov discussed");
        Assert.True(e.Keywords.Count <= 10);
    }

    [Fact]
    public void Reading_time_is_230_words_a_minute_at_least_one()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 700));
        var e = Enricher.Enrich(SeedArticle.FromText(words));
        Assert.Equal(700, e.WordCount);
        Assert.Equal(3, e.ReadingMinutes);
        Assert.Equal(1, Enricher.Enrich(SeedArticle.FromText("Just a few words here.")).ReadingMinutes);
    }
}

public sealed class LanguageTests
{
    private static readonly LanguageGuesser Guesser = LanguageGuesser.Default;

    [Theory]
    [InlineData("en",
        "The government said on Monday that it would not change the plan, which has been criticised by the opposition for months.")]
    [InlineData("de",
        "Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird, der seit Monaten von der Opposition kritisiert wird.")]
    [InlineData("fr",
        "Le gouvernement a déclaré lundi qu'il ne changerait pas le plan, qui est critiqué par l'opposition depuis des mois.")]
    [InlineData("es",
        "El gobierno dijo el lunes que no cambiará el plan, que ha sido criticado por la oposición durante meses y que sigue en pie.")]
    [InlineData("it",
        "Il governo ha detto lunedì che non cambierà il piano, che è stato criticato dall'opposizione per mesi e che resta in vigore.")]
    [InlineData("pt",
        "O governo disse na segunda-feira que não vai mudar o plano, que tem sido criticado pela oposição há meses e que continua em "
            + "vigor.")]
    [InlineData("nl",
        "De regering heeft maandag gezegd dat zij het plan niet zal veranderen, dat al maanden door de oppositie wordt bekritiseerd.")]
    [InlineData("ru",
        "Правительство заявило в понедельник, что не будет менять план, который уже несколько месяцев критикует оппозиция, и что он "
            + "остается в силе.")]
    [InlineData("pl",
        "Rząd oświadczył w poniedziałek, że nie zmieni planu, który od miesięcy jest krytykowany przez opozycję i który nadal jest w "
            + "mocy.")]
    [InlineData("sv",
        "Regeringen sade på måndagen att den inte kommer att ändra planen, som har kritiserats av oppositionen i flera månader.")]
    [InlineData("tr",
        "Hükümet pazartesi günü yaptığı açıklamada, aylardır muhalefet tarafından eleştirilen planı değiştirmeyeceğini ve bu planın daha "
            + "çok uzun süre geçerli olacağını söyledi.")]
    [InlineData("el",
        "Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα αλλάξει το σχέδιο, το οποίο επικρίνεται από την αντιπολίτευση εδώ και μήνες.")]
    [InlineData("hi", "सरकार ने सोमवार को कहा कि वह योजना में कोई बदलाव नहीं करेगी, जिसकी विपक्ष महीनों से आलोचना कर रहा है।")]
    [InlineData("ar", "قالت الحكومة يوم الاثنين إنها لن تغير الخطة التي تنتقدها المعارضة منذ أشهر وإنها ستبقى سارية.")]
    [InlineData("zh", "政府星期一表示，不会改变这项计划，反对派几个月来一直批评这项计划，但政府认为它仍然有效。")]
    [InlineData("ja", "政府は月曜日、数か月にわたり野党から批判されてきた計画を変更しないと発表した。")]
    public void Guesses_major_languages(string expected, string text) => Assert.Equal(expected, Guesser.Guess(text));

    [Theory]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("G20 BRICS SCO ASEAN 2024 2025")]
    public void Returns_null_when_unsure(string text) => Assert.Null(Guesser.Guess(text));

    private const string EnglishParagraph =
        "The government said on Monday that it would not change the plan, which has been criticised by the opposition for months. " +
        "It is the third time this year that the minister has had to defend the plan in front of the committee, and he said that he was "
            + "sure it would work.";

    [Fact]
    public void Plainly_english_text_needs_no_model() =>
        Assert.True(Guesser.IsPlainlyEnglish(EnglishParagraph));

    [Theory]
    [InlineData("El gobierno dijo el lunes que no cambiará el plan, que ha sido criticado por la oposición durante meses y que sigue en "
        + "pie, y el ministro dijo que está seguro de que funcionará como se esperaba desde el principio.")]
    [InlineData("Franca ka shënuar një ditë tragjike pasi 1 mijë e 438 pacientë kanë vdekur brenda 24 orëve nga koronavirusi, ndërsa numri "
        + "i të infektuarve në vend është rritur ndjeshëm gjatë javës së fundit.")]
    [InlineData("The plan, the minister said.")]
    [InlineData("Barcelona Madrid Sevilla Valencia Bilbao Zaragoza Málaga Murcia Palma Alicante Córdoba Valladolid Vigo Gijón Granada "
        + "Elche Oviedo Badalona Cartagena Terrassa Jerez Sabadell Móstoles")]
    public void Other_or_unclear_text_is_not_plainly_english(string text) => Assert.False(Guesser.IsPlainlyEnglish(text));

    [Fact]
    public void Text_language_without_lingua_falls_back_to_the_profiles()
    {
        var identify = new TextLanguage(Guesser, lingua: null);
        Assert.Equal("en", identify.Identify(EnglishParagraph));
        Assert.Equal("de",
            identify.Identify("Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird, der seit Monaten von der "
                + "Opposition kritisiert wird."));
        Assert.Null(identify.Identify("  "));
    }

    [Theory]
    [InlineData("en-US", "en")]
    [InlineData("FR", "fr")]
    [InlineData("pt_BR", "pt")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("x-klingon", null)]
    public void Normalises_declared_tags(string? tag, string? expected) => Assert.Equal(expected, LanguageGuesser.Normalise(tag));
}

public sealed class TextTests
{
    [Fact]
    public void Sentences_respect_abbreviations_initials_and_quotes()
    {
        const string text = "Mr. Smith met S. Jaishankar in the U.S. on Monday. \"It went well. We agree,\" he said. Was it? Yes!";
        var sentences = SentenceSplitter.Split(text).Select(s => text[s.Start..s.End]).ToList();
        Assert.Equal(["Mr. Smith met S. Jaishankar in the U.S. on Monday.", "\"It went well.", "We agree,\" he said.", "Was it?", "Yes!"],
            sentences);
    }

    [Fact]
    public void Paragraph_breaks_end_sentences()
    {
        Assert.Equal(2, SentenceSplitter.Split("A heading without a stop\n\nThe first sentence.").Count);
    }

    [Fact]
    public void Tokens_keep_offsets_possessives_and_acronyms()
    {
        const string text = "PM Modi’s G20 talks with the U.S. cost 1,000.5 rupees; O'Brien's India-Russia plan.";
        var tokens = Tokenizer.Tokenize(text);
        foreach (var t in tokens) Assert.Equal(t.Text, text[t.Start..t.End]);
        var texts = tokens.Select(t => t.Text).ToList();
        Assert.Equal(["PM", "Modi", "’s", "G20", "talks", "with", "the", "U.S.", "cost", "1,000.5", "rupees", ";", "O'Brien", "'s", "India",
            "-", "Russia", "plan", "."], texts);
        Assert.Equal(TokenKind.Possessive, tokens[2].Kind);
        Assert.Equal(TokenKind.Number, tokens[9].Kind);
    }
}
