using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Fetcher.Domain.Dates;

/// <summary>W3CDTF / RFC 3339 dates, with partial dates ("2003-12", "2003") and a space allowed instead of "T" (SQL style).</summary>
internal static partial class W3cDates
{
    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<mo>\d{1,2})(?:-(?<d>\d{1,2}))?)?(?:(?:[Tt]|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,"
        + @"](?<f>\d+))?)?)?\s*(?<tz>[Zz]|[+\-\u2212]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string s, out DateTimeOffset value)
    {
        value = default;
        var m = Pattern().Match(s);
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        var month = m.Groups["mo"].Success ? int.Parse(m.Groups["mo"].ValueSpan, CultureInfo.InvariantCulture) : 1;
        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture) : 1;
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["mi"].Success ? int.Parse(m.Groups["mi"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = 0;
        if (m.Groups["tz"].Success)
        {
            var tz = m.Groups["tz"].Value;
            if (!m.Groups["h"].Success && tz is not ("Z" or "z")) return false; // "2013-01-27-01" is not a date with a zone
            if (tz[0] is '+' or '-' or '\u2212')
            {
                if (!FeedDates.TryParseNumericOffset(tz, out offset)) return false;
            }
            else if (!TimeZoneAbbreviations.TryGetOffsetMinutes(tz, out offset))
            {
                return false;
            }
        }
        return FeedDates.TryBuild(year, month, day, hour, minute, second, fraction, offset, out value);
    }
}
