namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// News agencies and source lines: "Reuters", "Associated Press", "PTI", and generic Title Case source lines such as
/// "Express News Service" or "Online Desk". Abbreviations are expanded to the agency's name.
/// </summary>
internal static class Agencies
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Reuters"] = "Reuters", ["Thomson Reuters"] = "Reuters",
        ["AP"] = "Associated Press", ["Associated Press"] = "Associated Press", ["The Associated Press"] = "Associated Press",
        ["AFP"] = "Agence France-Presse", ["Agence France-Presse"] = "Agence France-Presse",
            ["Agence France Presse"] = "Agence France-Presse",
        ["PTI"] = "Press Trust of India", ["Press Trust of India"] = "Press Trust of India",
        ["IANS"] = "IANS", ["Indo-Asian News Service"] = "IANS", ["ANI"] = "ANI", ["Asian News International"] = "ANI",
        ["UNI"] = "United News of India", ["United News of India"] = "United News of India",
        ["Bloomberg"] = "Bloomberg", ["Bloomberg News"] = "Bloomberg",
        ["Xinhua"] = "Xinhua", ["TASS"] = "TASS", ["RIA Novosti"] = "RIA Novosti", ["Interfax"] = "Interfax",
        ["dpa"] = "dpa", ["Deutsche Presse-Agentur"] = "dpa", ["EFE"] = "EFE", ["ANSA"] = "ANSA",
        ["Kyodo"] = "Kyodo News", ["Kyodo News"] = "Kyodo News", ["Yonhap"] = "Yonhap", ["AAP"] = "Australian Associated Press",
        ["Australian Associated Press"] = "Australian Associated Press", ["Canadian Press"] = "The Canadian Press",
        ["The Canadian Press"] = "The Canadian Press", ["CP"] = "The Canadian Press", ["Bernama"] = "Bernama",
        ["Anadolu"] = "Anadolu Agency", ["Anadolu Agency"] = "Anadolu Agency", ["PA"] = "PA Media", ["PA Media"] = "PA Media",
        ["Press Association"] = "PA Media", ["UPI"] = "UPI", ["United Press International"] = "UPI",
        ["ENS"] = "Express News Service", ["Agencies"] = "Agencies", ["Agency"] = "Agencies", ["Wire"] = "Agencies",
    };

    /// <summary>Words that make a short Title Case line a source line.</summary>
    private static readonly HashSet<string> SourceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "news", "service", "services", "agency", "agencies", "press", "bureau", "wire", "desk", "newsroom", "network",
        "syndicate", "media",
    };

    private static readonly HashSet<string> LowerParticles = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "for", "de", "la", "du", "des", "del", "di", "da", "&",
    };

    /// <summary>The canonical name when the text is a known agency ("PTI", "Reuters", "The Associated Press").</summary>
    public static string? Lookup(string text)
    {
        var t = text.Trim().Trim('(', ')', '[', ']', '.', ',', ':', '-', '\u2013', '\u2014', '|', ' ');
        return Known.TryGetValue(t, out var name) ? name : null;
    }

    /// <summary>
    /// Recognises a source line: a known agency, optionally after "By"/"Source:"/"(c)", or a short Title Case line
    /// holding a word like News, Service, Agency, Press, Bureau or Desk. Returns the name to use as site name.
    /// </summary>
    public static string? RecogniseSourceLine(string line)
    {
        var text = TextNormalizer.CollapseWhitespace(line).Trim();
        foreach (var prefix in new[] { "By ", "Source:", "Source :", "From ", "\u00A9 ", "(c) " })
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                text = text[prefix.Length..].Trim();
        if (text.Length is 0 or > 60) return null;
        if (Lookup(text) is { } known) return known;

        if (text.EndsWith('.') || text.Any(char.IsDigit)) return null;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 6) return null;
        var hasSourceWord = false;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            var bare = w.Trim(',', ':', '(', ')', '\'', '"');
            if (bare.Length == 0) return null;
            if (LowerParticles.Contains(bare)) continue;
            if (!char.IsUpper(bare[0])) return null;
            if (bare.Any(c => !char.IsLetter(c) && c is not '-' and not '.' and not '\'' and not '&')) return null;
            // The source word ends the name: "Express News Service", "Online Desk", not "Press Freedom Under Threat".
            if (SourceWords.Contains(bare) && i >= words.Length - 2) hasSourceWord = true;
        }
        if (!hasSourceWord) return null;
        return TextNormalizer.TitleCaseIfShouting(text.Trim(',', ':', ' '));
    }
}
