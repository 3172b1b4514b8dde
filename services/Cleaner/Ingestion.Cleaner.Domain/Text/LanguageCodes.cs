namespace Ingestion.Cleaner.Domain.Text;

/// <summary>Turns language tags as pages write them ("en-US", "en_GB", "EN", "eng") into ISO 639-1 codes.</summary>
internal static class LanguageCodes
{
    private static readonly Dictionary<string, string> ThreeLetter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eng"] = "en", ["fra"] = "fr", ["fre"] = "fr", ["deu"] = "de", ["ger"] = "de", ["spa"] = "es", ["ita"] = "it",
        ["por"] = "pt", ["rus"] = "ru", ["hin"] = "hi", ["zho"] = "zh", ["chi"] = "zh", ["jpn"] = "ja", ["ara"] = "ar",
        ["nld"] = "nl", ["dut"] = "nl", ["pol"] = "pl", ["tur"] = "tr", ["ukr"] = "uk", ["kor"] = "ko",
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["english"] = "en", ["french"] = "fr", ["german"] = "de", ["spanish"] = "es", ["italian"] = "it",
        ["portuguese"] = "pt", ["russian"] = "ru", ["hindi"] = "hi", ["chinese"] = "zh", ["japanese"] = "ja",
        ["arabic"] = "ar", ["dutch"] = "nl",
    };

    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_', ',', ';', ' ')[0].Trim();
        if (primary.Length == 2 && primary.All(char.IsAsciiLetter)) return primary.ToLowerInvariant();
        if (primary.Length == 3 && ThreeLetter.TryGetValue(primary, out var code)) return code;
        return Names.TryGetValue(primary, out var named) ? named : null;
    }
}
