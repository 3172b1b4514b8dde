using Lingua;

namespace Ingestion.Enricher.Domain.Language;

/// <summary>
/// Language identification with Lingua (NuGet SearchPioneer.Lingua 2.0.0, its n-gram models ship in the package and
/// are copied beside the binary as LanguageModels/). All spoken languages in low-accuracy mode: trigram models only,
/// made for texts longer than a sentence or two, about 64 MB of managed heap once loaded (high-accuracy mode over all
/// languages needs about 1.3 GB). Only the first <see cref="MaxChars"/> characters are read (the cost grows with the
/// length; 300 lost one short page of the metadata corpus, docs/enricher.md). Plainly English text never gets here
/// (<see cref="TextLanguage"/>). Thread-safe.
/// </summary>
public sealed class LinguaIdentifier
{
    public const int MaxChars = 500;
    private static readonly Lazy<LinguaIdentifier> Lazy = new(() => new LinguaIdentifier());

    /// <summary>The detector over all spoken languages, built once (models load on first use).</summary>
    public static LinguaIdentifier Default => Lazy.Value;

    private readonly LanguageDetector detector =
        LanguageDetectorBuilder.FromAllSpokenLanguages().WithLowAccuracyMode().Build();

    /// <summary>The ISO 639-1 code ("en", "uk") of the text's language, or null when it cannot tell.</summary>
    public string? Identify(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > MaxChars ? text[..MaxChars] : text;
        var language = detector.DetectLanguageOf(sample);
        if (language == Lingua.Language.Unknown) return null;
        var code = LanguageInfo.IsoCode6391(language);
        return code == IsoCode6391.None ? null : code.ToString().ToLowerInvariant();
    }
}
