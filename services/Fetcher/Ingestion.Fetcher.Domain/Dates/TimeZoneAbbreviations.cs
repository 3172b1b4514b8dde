namespace Ingestion.Fetcher.Domain.Dates;

/// <summary>Time-zone names that feeds write after a time ("EST", "PDT", "MEST", military letters), as offsets from UTC in
/// minutes.</summary>
internal static class TimeZoneAbbreviations
{
    private static readonly Dictionary<string, int> Offsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0, ["Etc/GMT"] = 0, ["Etc/UTC"] = 0,
        // North America (RFC 822 plus the single-letter forms feeds use)
        ["EST"] = -5 * 60, ["EDT"] = -4 * 60, ["ET"] = -5 * 60,
        ["CST"] = -6 * 60, ["CDT"] = -5 * 60, ["CT"] = -6 * 60,
        ["MST"] = -7 * 60, ["MDT"] = -6 * 60, ["MT"] = -7 * 60,
        ["PST"] = -8 * 60, ["PDT"] = -7 * 60, ["PT"] = -8 * 60,
        ["AST"] = -4 * 60, ["ADT"] = -3 * 60, ["AT"] = -4 * 60,
        ["AKST"] = -9 * 60, ["AKDT"] = -8 * 60, ["HST"] = -10 * 60, ["NST"] = -(3 * 60 + 30), ["NDT"] = -(2 * 60 + 30),
        // Europe
        ["BST"] = 60, ["IST"] = 5 * 60 + 30, ["WEST"] = 60,
        ["CET"] = 60, ["CEST"] = 2 * 60, ["MET"] = 60, ["MEST"] = 2 * 60, ["MEZ"] = 60, ["MESZ"] = 2 * 60,
        ["EET"] = 2 * 60, ["EEST"] = 3 * 60, ["MSK"] = 3 * 60,
        // Asia / Pacific
        ["PKT"] = 5 * 60, ["ICT"] = 7 * 60, ["WIB"] = 7 * 60, ["HKT"] = 8 * 60, ["SGT"] = 8 * 60, ["AWST"] = 8 * 60,
        ["PHT"] = 8 * 60, ["JST"] = 9 * 60, ["KST"] = 9 * 60, ["ACST"] = 9 * 60 + 30, ["ACDT"] = 10 * 60 + 30,
        ["AEST"] = 10 * 60, ["AEDT"] = 11 * 60, ["NZST"] = 12 * 60, ["NZDT"] = 13 * 60,
        // South America / Africa
        ["BRT"] = -3 * 60, ["ART"] = -3 * 60, ["SAST"] = 2 * 60, ["WAT"] = 60, ["CAT"] = 2 * 60, ["EAT"] = 3 * 60,
    };

    /// <summary>Looks up a zone name; single letters are RFC 822 military zones (A = -1 ... M = -12, N = +1 ... Y = +12, Z = 0).</summary>
    public static bool TryGetOffsetMinutes(string name, out int minutes)
    {
        if (Offsets.TryGetValue(name, out minutes)) return true;
        if (name.Length == 1 && char.IsAsciiLetter(name[0]))
        {
            var c = char.ToUpperInvariant(name[0]);
            minutes = c switch
            {
                >= 'A' and <= 'I' => -(c - 'A' + 1) * 60,
                >= 'K' and <= 'M' => -(c - 'K' + 10) * 60,
                >= 'N' and <= 'Y' => (c - 'N' + 1) * 60,
                _ => int.MinValue, // 'J' is not a zone
            };
            if (minutes != int.MinValue) return true;
        }
        minutes = 0;
        return false;
    }
}
