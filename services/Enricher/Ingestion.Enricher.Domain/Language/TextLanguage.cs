namespace Ingestion.Enricher.Domain.Language;

/// <summary>
/// The language of an article body that declares none, cheapest evidence first: plainly English text (by its function
/// words, <see cref="LanguageGuesser.IsPlainlyEnglish"/>) needs no n-gram model; everything else goes to Lingua, and
/// to the stopword profiles when Lingua cannot tell or is not used. Thread-safe.
/// </summary>
public sealed class TextLanguage(LanguageGuesser guesser, LinguaIdentifier? lingua)
{
    private static readonly Lazy<TextLanguage> Lazy = new(() => new TextLanguage(LanguageGuesser.Default, LinguaIdentifier.Default));

    /// <summary>With Lingua (its models load on first use).</summary>
    public static TextLanguage Default => Lazy.Value;

    /// <summary>The ISO 639-1 code of the text's language, or null when nothing can tell.</summary>
    public string? Identify(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (guesser.IsPlainlyEnglish(text)) return "en";
        return lingua?.Identify(text) ?? guesser.Guess(text);
    }
}
