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

    private readonly List<(string Code, HashSet<string> Words, bool Cyrillic)> _profiles = [];

    private LanguageGuesser()
    {
        foreach (var line in EmbeddedText.Lines("language-profiles.txt"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var code = line[..colon].Trim();
            var words = new HashSet<string>(line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            _profiles.Add((code, words, words.Any(w => w.Any(c => c is >= '\u0400' and <= '\u04FF'))));
        }
    }

    public IReadOnlyList<string> ProfileLanguages => _profiles.Select(p => p.Code).ToList();

    /// <summary>The function words of a language's profile (lower-case), or null when there is no profile for it.</summary>
    public IReadOnlySet<string>? StopwordsFor(string? language) =>
        language is null ? null : _profiles.FirstOrDefault(p => p.Code == language).Words;

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

    private string? ByStopwords(string text, bool cyrillic)
    {
        var words = new List<string>();
        var sb = new System.Text.StringBuilder();
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
        if (words.Count < 5) return null;

        var scores = _profiles.Where(p => p.Cyrillic == cyrillic)
            .Select(p => (p.Code, Hits: words.Count(p.Words.Contains)))
            .OrderByDescending(x => x.Hits)
            .ToList();
        if (scores.Count == 0) return null;
        var best = scores[0];
        var second = scores.Count > 1 ? scores[1].Hits : 0;
        var share = best.Hits / (double)words.Count;
        if (best.Hits < 3 || share < 0.10) return null;
        if (best.Hits < second * 1.25 + 1) return null; // too close to call (Danish/Norwegian, Spanish/Portuguese on short texts)
        return best.Code;
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
