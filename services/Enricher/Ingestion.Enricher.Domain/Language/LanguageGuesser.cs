using System.Globalization;
using System.Text;
using Ingestion.Enricher.Domain.Resources;

namespace Ingestion.Enricher.Domain.Language;

/// <summary>
/// Guesses the ISO 639-1 language of a text. Scripts with one main language are recognised by their characters
/// (Greek, Hebrew, Arabic/Persian/Urdu, Devanagari, Bengali, Tamil, Thai, Hangul, kana, Han, ...); Latin and Cyrillic
/// texts by the share of their words found in small stopword profiles of 19 languages. Returns null when the text is
/// too short or two languages score too close to call.
/// </summary>
public sealed class LanguageGuesser
{
    private static readonly Lazy<LanguageGuesser> Lazy = new(() => new LanguageGuesser());
    public static LanguageGuesser Default => Lazy.Value;

    private readonly List<(string Code, HashSet<string> Words, bool Cyrillic)> profiles = [];

    private LanguageGuesser()
    {
        foreach (var line in EmbeddedText.Lines("language-profiles.txt"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var code = line[..colon].Trim();
            var words = new HashSet<string>(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            this.profiles.Add((code, words, words.Any(w => w.Any(c => c is >= '\u0400' and <= '\u04FF'))));
        }
    }

    public IReadOnlyList<string> ProfileLanguages => profiles.Select(p => p.Code).ToList();

    /// <summary>The function words of a language's profile (lower-case), or null when there is no profile for it.</summary>
    public IReadOnlySet<string>? StopwordsFor(string? language) =>
        language is null ? null : profiles.FirstOrDefault(p => p.Code == language).Words;

    public string? Guess(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var counts = new Dictionary<string, int>();
        var letters = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            letters++;
            var script = Script(rune.Value);
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        if (letters < 20) return null;
        var (top, topCount) = counts.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).First();

        if (top is "Han" or "Kana")
        {
            var kana = counts.GetValueOrDefault("Kana");
            return kana >= 0.05 * letters ? "ja" : "zh";
        }
        if (topCount < 0.6 * letters) return null;
        switch (top)
        {
            case "Latin":
            case "Cyrillic":
                return ByStopwords(text, top == "Cyrillic");
            case "Arabic":
                return ArabicScriptLanguage(text);
            default:
                return top switch
                {
                    "Greek" => "el",
                    "Hebrew" => "he",
                    "Devanagari" => "hi",
                    "Bengali" => "bn",
                    "Gurmukhi" => "pa",
                    "Gujarati" => "gu",
                    "Tamil" => "ta",
                    "Telugu" => "te",
                    "Kannada" => "kn",
                    "Malayalam" => "ml",
                    "Thai" => "th",
                    "Hangul" => "ko",
                    "Georgian" => "ka",
                    "Armenian" => "hy",
                    _ => null,
                };
        }
    }

    /// <summary>
    /// True when the text is English beyond doubt: among the words of its first <see cref="PlainSampleChars"/>
    /// characters (at least 20), English function words make a fifth or more and at least twice the hits of any
    /// other profile. English only: the other profiled languages have close relatives without a profile (Slovak for
    /// Czech, Malay for Indonesian, Galician for Portuguese, Afrikaans for Dutch) that share their function words.
    /// </summary>
    public bool IsPlainlyEnglish(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, PlainSampleChars));
        var (scores, words) = StopwordScores(sample, cyrillic: false);
        if (words < 20 || scores.Count == 0 || scores[0].Code != "en") return false;
        var second = scores.Count > 1 ? scores[1].Hits : 0;
        return scores[0].Hits >= 0.2 * words && scores[0].Hits >= 2 * second;
    }

    /// <summary>How much of the text <see cref="IsPlainlyEnglish"/> reads.</summary>
    public const int PlainSampleChars = 1000;

    private string? ByStopwords(string text, bool cyrillic)
    {
        var (scores, words) = StopwordScores(text, cyrillic);
        if (words < 5 || scores.Count == 0) return null;
        var best = scores[0];
        var second = scores.Count > 1 ? scores[1].Hits : 0;
        var share = best.Hits / (double)words;
        if (best.Hits < 3 || share < 0.10) return null;
        if (best.Hits < second * 1.25 + 1) return null; // too close to call (Danish/Norwegian, Spanish/Portuguese on short texts)
        return best.Code;
    }

    /// <summary>Per profile of the script, how many of the text's words it lists, best first; and the word count.</summary>
    private (List<(string Code, int Hits)> Scores, int Words) StopwordScores(ReadOnlySpan<char> text, bool cyrillic)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c == '\'' || c == '’') sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        var scores = profiles.Where(p => p.Cyrillic == cyrillic)
            .Select(p => (p.Code, Hits: words.Count(p.Words.Contains)))
            .OrderByDescending(x => x.Hits)
            .ToList();
        return (scores, words.Count);
    }

    private static string ArabicScriptLanguage(string text)
    {
        int urdu = 0, persian = 0;
        foreach (var c in text)
        {
            if (c is '\u06D2' or '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06BE') urdu++;
            else if (c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9' or '\u06CC') persian++;
        }
        if (urdu > 2) return "ur";
        if (persian > 2) return "fa";
        return "ar";
    }

    private static string Script(int cp) => cp switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) => "Latin",
        >= 0x0370 and <= 0x03FF => "Greek",
        >= 0x0400 and <= 0x052F => "Cyrillic",
        >= 0x0530 and <= 0x058F => "Armenian",
        >= 0x0590 and <= 0x05FF => "Hebrew",
        (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0xFB50 and <= 0xFEFF) => "Arabic",
        >= 0x0900 and <= 0x097F => "Devanagari",
        >= 0x0980 and <= 0x09FF => "Bengali",
        >= 0x0A00 and <= 0x0A7F => "Gurmukhi",
        >= 0x0A80 and <= 0x0AFF => "Gujarati",
        >= 0x0B80 and <= 0x0BFF => "Tamil",
        >= 0x0C00 and <= 0x0C7F => "Telugu",
        >= 0x0C80 and <= 0x0CFF => "Kannada",
        >= 0x0D00 and <= 0x0D7F => "Malayalam",
        >= 0x0E00 and <= 0x0E7F => "Thai",
        >= 0x10A0 and <= 0x10FF => "Georgian",
        (>= 0x1100 and <= 0x11FF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0x3130 and <= 0x318F) => "Hangul",
        >= 0x3040 and <= 0x30FF => "Kana",
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) => "Han",
        _ => "Other",
    };

    /// <summary>Normalises a declared language tag to ISO 639-1 ("en-US" → "en"), or null when it is not one.</summary>
    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (primary.Length == 2 && primary.All(c => c is >= 'a' and <= 'z')) return primary;
        if (primary.Length == 3)
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(primary);
                var two = culture.TwoLetterISOLanguageName;
                if (two.Length == 2) return two;
            }
            catch (CultureNotFoundException)
            {
            }
        }
        return null;
    }
}
