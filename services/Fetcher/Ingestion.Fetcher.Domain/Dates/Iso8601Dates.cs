using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Fetcher.Domain.Dates;

/// <summary>
/// ISO 8601 forms W3CDTF does not cover: basic format ("20031231T101455Z"), ordinal dates ("2003-335", "03335"),
/// two-digit years ("031231", "03-12-31", "-03-12", "-0312"; ISO reads them in the current century).
/// </summary>
internal static partial class Iso8601Dates
{
    private const string Time = @"(?:T?(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2}))?(?:[.,](?<f>\d+))?(?<tz>Z|[+\-]\d{2}(?::?\d{2})?)?)?$";

    // Order matters: the first template that matches the whole string wins.
    private static readonly Regex[] Templates =
    [
        new(@"^(?<y>\d{4})-?(?<mo>[01]\d)-?(?<d>[0-3]\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<y>\d{4})-0(?<mo>[01]\d)-?(?<d>[0-3]\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<y>\d{4})-(?<mo>[01]\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<y>\d{4})-?(?<o>[0-3]\d\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<yy>\d\d)-?(?<mo>[01]\d)-?(?<d>[0-3]\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<yy>\d\d)-?(?<o>[0-3]\d\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^(?<y>\d{4})" + Time, RegexOptions.CultureInvariant),
        new(@"^-(?<yy>\d\d)-?(?<mo>[01]\d)" + Time, RegexOptions.CultureInvariant),
        new(@"^-(?<yy>\d\d)" + Time, RegexOptions.CultureInvariant),
    ];

    public static bool TryParse(string s, out DateTimeOffset value)
    {
        value = default;
        foreach (var template in Templates)
        {
            var m = template.Match(s);
            if (!m.Success) continue;
            int year;
            if (m.Groups["y"].Success) year = Int(m, "y");
            else year = DateTime.UtcNow.Year / 100 * 100 + Int(m, "yy");
            int month = 1, day = 1;
            if (m.Groups["o"].Success)
            {
                var ordinal = Int(m, "o");
                if (ordinal < 1 || ordinal > (DateTime.IsLeapYear(year) ? 366 : 365)) return false;
                var date = new DateTime(year, 1, 1).AddDays(ordinal - 1);
                month = date.Month;
                day = date.Day;
            }
            else
            {
                if (m.Groups["mo"].Success) month = Int(m, "mo");
                if (m.Groups["d"].Success) day = Int(m, "d");
            }
            var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
            var offset = 0;
            if (m.Groups["tz"].Success && m.Groups["tz"].Value != "Z"
                && !FeedDates.TryParseNumericOffset(m.Groups["tz"].Value, out offset)) return false;
            return FeedDates.TryBuild(year, month, day, Int(m, "h"), Int(m, "mi"), Int(m, "s"), fraction, offset, out value);
        }
        return false;
    }

    private static int Int(Match m, string group) =>
        m.Groups[group].Success ? int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture) : 0;
}
