using Ingestion.Contracts;
using Ingestion.Enricher.Domain.Dates;
using Ingestion.Enricher.Domain.Embeddings;
using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Entities.Model;
using Ingestion.Enricher.Domain.Keywords;
using Ingestion.Enricher.Domain.Language;
using Ingestion.Enricher.Domain.Quotes;
using Ingestion.Enricher.Domain.Summary;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain;

/// <summary>Everything <see cref="ArticleEnricher.Analyze"/> found, with the positions that the contract does not carry.</summary>
/// <param name="Embedding">The encoder's vector with its token count and time; null without an encoder.</param>
public sealed record EnrichmentDetails(
    Enrichment Enrichment,
    string Body,
    RecognitionResult Recognition,
    IReadOnlyList<Keyphrase> Keyphrases,
    IReadOnlyList<FoundQuote> Quotes,
    ArticleEmbedding? Embedding = null);

/// <summary>
/// Enriches a cleaned article: entities (PER/ORG/LOC with mentions and one canonical name each), key phrases,
/// quotes with speakers, an extractive summary, word count, reading time, language, SimHash fingerprint and the dates
/// mentioned in the text; with an <see cref="ArticleEncoder"/>, also the MiniLM vector of the title and lead.
/// Construct once (the word lists load once) and share: it is immutable and thread-safe.
/// <see cref="Enrichment.DuplicateOf"/> is left null; the service fills it from its fingerprint index.
/// </summary>
public sealed class ArticleEnricher
{
    public const int WordsPerMinute = 230;
    public const int KeywordCount = 10;

    private readonly IEntityRecognizer recognizer;
    private readonly KeyphraseExtractor keyphrases;
    private readonly QuoteExtractor quotes;
    private readonly LanguageGuesser language;
    private readonly TextLanguage textLanguage;
    private readonly ArticleEncoder? encoder;

    public ArticleEnricher() : this(null)
    {
    }

    /// <param name="recognizer">The entity recogniser; when null, the rules plus the trained model (<see
    /// cref="CombinedRecognizer"/>).</param>
    /// <param name="identifyLanguage">When the article declares no language and is not plainly English: Lingua (true) or only the stopword
    /// profiles (false).</param>
    /// <param name="encoder">Fills <see cref="Enrichment.Embedding"/> when given (optional: it costs time and memory, see
    /// docs/enricher.md); not disposed here.</param>
    public ArticleEnricher(IEntityRecognizer? recognizer, bool identifyLanguage = true, ArticleEncoder? encoder = null)
    {
        this.encoder = encoder;
        textLanguage = identifyLanguage ? TextLanguage.Default : new TextLanguage(LanguageGuesser.Default, null);
        var gazetteer = Gazetteer.Default;
        this.recognizer = recognizer ?? new CombinedRecognizer(new EntityRecognizer(gazetteer), PerceptronRecognizer.Default, gazetteer);
        keyphrases = new KeyphraseExtractor(gazetteer);
        quotes = new QuoteExtractor(gazetteer);
        language = LanguageGuesser.Default;
    }

    /// <summary>The body text that mention offsets refer to: the paragraphs joined by a blank line.</summary>
    public static string BodyOf(CleanedArticle article) => ArticleBody.Of(article.Paragraphs);

    public Enrichment Enrich(CleanedArticle article) => Analyze(article).Enrichment;

    public EnrichmentDetails Analyze(CleanedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = BodyOf(article);
        var text = new AnalyzedText(body);

        var recognition = recognizer.Recognize(text);
        var entities = EntityCanonicalizer.Canonicalize(body, recognition.Entities);
        var datelineLength = Summarizer.DatelineLength(body, article.Dateline);
        var excluded = recognition.Titles.Append((0, datelineLength)).ToList();
        var language = LanguageGuesser.Normalise(article.Language) ?? textLanguage.Identify(body);
        var stopwords = language is null or "en" ? null : this.language.StopwordsFor(language);
        var keyphrases = this.keyphrases.Extract(text, entities, excluded, KeywordCount, stopwords);
        var keywords = keyphrases.Select(k => k.Text).ToList();
        var quotes = this.quotes.Extract(text, entities);
        var quoteRanges = quotes.SelectMany(q => q.Parts).ToList();
        var summary = Summarizer.Summarize(text, keywords, quoteRanges, article.Dateline);

        var wordCount = CountWords(body);
        var readingMinutes = Math.Max(1, (int)Math.Round(wordCount / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
        var fingerprint = SimHash.ToHex(SimHash.Compute(body));
        var dates = MentionedDates.Find(body, article.Published);
        var embedding = encoder?.Encode(article);

        var enrichment = new Enrichment(
            language,
            entities,
            keywords,
            quotes.Select(q => q.Quote).ToList(),
            summary,
            wordCount,
            readingMinutes,
            fingerprint,
            DuplicateOf: null,
            dates,
            embedding?.Vector);
        return new EnrichmentDetails(enrichment, body, recognition, keyphrases, quotes, embedding);
    }

    /// <summary>Whitespace-separated words that contain a letter or digit ("India-Russia" is one word, "—" none).</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var hasAlnum = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && hasAlnum) count++;
                inWord = false;
                hasAlnum = false;
            }
            else
            {
                inWord = true;
                if (char.IsLetterOrDigit(c)) hasAlnum = true;
            }
        }
        if (inWord && hasAlnum) count++;
        return count;
    }
}
