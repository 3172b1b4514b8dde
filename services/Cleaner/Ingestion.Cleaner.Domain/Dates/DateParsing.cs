using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Dates;

/// <summary>A date found in free text.</summary>
/// <param name="Value">The moment, in the offset the text states (UTC when it states none; midnight when it gives no time).</param>
/// <param name="Index">Where the match starts in the text.</param>
/// <param name="Length">Length of the matched text (date, time and zone).</param>
/// <param name="HasTime">True when the text gave a time of day.</param>
internal sealed record DateMatch(DateTimeOffset Value, int Index, int Length, bool HasTime);

/// <summary>
/// Dates as pages write them: ISO 8601 with or without offsets, RFC 1123, "March 3, 2024", "3 March 2024 10:30 AM IST",
/// Unix timestamps, and dates in URL paths. A result keeps the offset the text states (so its day is the page's own
/// day); the instant is exact, and the message form converts it to UTC. Regexes are linear (no nested quantifiers).
/// </summary>
internal static partial class DateParsing
{
    private const int MinYear = 1970;
    private const int MaxYear = 2100;

    private static readonly Dictionary<string, TimeSpan> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["IST"] = new TimeSpan(5, 30, 0), ["PKT"] = TimeSpan.FromHours(5), ["NPT"] = new TimeSpan(5, 45, 0),
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["ET"] = TimeSpan.FromHours(-5),
        ["CST"] = TimeSpan.FromHours(-6), ["CDT"] = TimeSpan.FromHours(-5), ["CT"] = TimeSpan.FromHours(-6),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6), ["MT"] = TimeSpan.FromHours(-7),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7), ["PT"] = TimeSpan.FromHours(-8),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["GST"] = TimeSpan.FromHours(4), ["WIB"] = TimeSpan.FromHours(7), ["SGT"] = TimeSpan.FromHours(8),
        ["HKT"] = TimeSpan.FromHours(8), ["JST"] = TimeSpan.FromHours(9), ["KST"] = TimeSpan.FromHours(9),
        ["AEST"] = TimeSpan.FromHours(10), ["AEDT"] = TimeSpan.FromHours(11), ["NZST"] = TimeSpan.FromHours(12),
        ["NZDT"] = TimeSpan.FromHours(13),
    };

    private const string Months =
        "(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
            + "nov(?:ember)?|dec(?:ember)?)";

    private const string TimeTail =
        @"(?:,?\s{0,3}(?:at\s{1,3}|\|\s{0,3}|-\s{0,3})?(?<H>\d{1,2})[:.](?<M>\d{2})(?::(?<S>\d{2})(?:\.\d{1,9})?)?\s{0,"
            + @"3}(?<ampm>[ap]\.?m\.?)?\s{0,3}" +
        @"(?<tz>(?-i:Z|UTC|GMT|IST|PKT|NPT|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|BST|CET|CEST|EET|EEST|MSK|GST|WIB|SGT|HKT|JST|KST|"
            + @"AEST|AEDT|NZST|NZDT)\b(?:\s{0,2}[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?)?";

    [GeneratedRegex(@"(?<![\d])(?<y>(?:19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\d])(?:[T ](?<H>\d{1,"
        + @"2}):(?<M>\d{2})(?::(?<S>\d{2})(?:\.\d{1,9})?)?\s?(?<tz>Z|[+-]\d{2}:?\d{2}|(?-i:UTC|GMT)\b)?)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?<![\d/])(?<y>(?:19|20)\d{2})[/.](?<m>\d{1,2})[/.](?<d>\d{1,2})(?![\d/])" + TimeTail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlashYmd();

    [GeneratedRegex(@"\b" + Months + @"\.?\s{1,3}(?<d>\d{1,2})(?:st|nd|rd|th)?\b,?\s{1,3}(?<y>(?:19|20)\d{2})\b" + TimeTail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s{0,3}(?:of\s{1,3})?[ \-]?" + Months + @"\.?,?[ \-]{1,3}(?<y>(?:19|20)\d{2})\b"
        + TimeTail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    /// <summary>"2 de abril de 2020", "17. März 2020", "07 أكتوبر 2020", "13 жовтня 2020": day, a month word of any language,
    /// year.</summary>
    [GeneratedRegex(@"(?<![\d\p{L}])(?<d>\d{1,2})\.?\s{0,3}(?:de\s{1,3})?(?<mon>\p{L}{3,12}(?:\s\p{L}{4,6})?)\.?,?\s{1,3}(?:de\s{1,3}|"
        + @"del\s{1,3})?(?<y>(?:19|20)\d{2})(?!\d)" + TimeTail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayWordYear();

    /// <summary>"17/03/2020", "22.11.2020 - 04:30", "2-4-2020": numeric day, month, year (day first unless that cannot be).</summary>
    [GeneratedRegex(@"(?<![\d/.\-])(?<a>\d{1,2})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<y>(?:19|20)\d{2})(?![\d/.\-]\d)" + TimeTail,
        RegexOptions.CultureInvariant)]
    private static partial Regex NumericDmy();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/\-_](?<m>\d{1,2})[/\-_](?<d>\d{1,2})(?=[/\-_.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlYmd();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCompact();

    /// <summary>Parses a date given in markup (an attribute, a meta tag, JSON-LD). Null when it is no plausible date.</summary>
    public static DateTimeOffset? ParseMachineDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        if (s.Length > 200) s = s[..200];

        if (s.All(char.IsAsciiDigit))
        {
            if (s.Length == 8 && DateTime.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
                return Plausible(new DateTimeOffset(compact, TimeSpan.Zero));
            if (s.Length is 10 or 13 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
            {
                var value2 = s.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.FromUnixTimeMilliseconds(unix);
                return Plausible(value2);
            }
            return null;
        }

        var found = FindDates(s);
        return found.Count > 0 ? found[0].Value : null;
    }

    /// <summary>All dates in a text, in order of appearance, without overlaps.</summary>
    /// <param name="monthFirst">Read ambiguous numeric dates (03/04/2020) month first, as in US English.</param>
    public static IReadOnlyList<DateMatch> FindDates(string text, bool monthFirst = false)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var all = new List<DateMatch>();
        Collect(IsoDate(), text, all, numericMonth: true);
        Collect(SlashYmd(), text, all, numericMonth: true);
        Collect(MonthDayYear(), text, all, numericMonth: false);
        Collect(DayMonthYear(), text, all, numericMonth: false);
        CollectLocal(DayWordYear(), text, all, numericMonth: false, monthFirst: false);
        CollectLocal(NumericDmy(), text, all, numericMonth: true, monthFirst: monthFirst);
        all.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var result = new List<DateMatch>();
        var end = -1;
        foreach (var m in all)
        {
            if (m.Index < end) continue;
            result.Add(m);
            end = m.Index + m.Length;
        }
        return result;
    }

    /// <summary>A date in the URL's path such as <c>/2023/12/27/</c>, <c>/2023-12-27/</c> or <c>/20231227/</c>; midnight UTC.</summary>
    public static DateTimeOffset? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        foreach (var regex in new[] { UrlYmd(), UrlCompact() })
        {
            var m = regex.Match(path);
            if (m.Success && Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) is { } d)
                return d;
        }
        return null;
    }

    /// <summary>Month words of other languages, and numeric day-month-year dates.</summary>
    private static void CollectLocal(Regex regex, string text, List<DateMatch> into, bool numericMonth, bool monthFirst)
    {
        foreach (Match m in regex.Matches(text))
        {
            string day, month;
            if (numericMonth)
            {
                var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
                var swap = monthFirst ? a <= 12 : a <= 12 && b > 12;
                (day, month) = swap ? (m.Groups["b"].Value, m.Groups["a"].Value) : (m.Groups["a"].Value, m.Groups["b"].Value);
            }
            else
            {
                var number = MonthNames.Number(m.Groups["mon"].Value);
                if (number == 0) continue;
                (day, month) = (m.Groups["d"].Value, number.ToString(CultureInfo.InvariantCulture));
            }
            Add(m, Build(m.Groups["y"].Value, month, day), text, into);
        }
    }

    private static void Collect(Regex regex, string text, List<DateMatch> into, bool numericMonth)
    {
        foreach (Match m in regex.Matches(text))
        {
            var month = numericMonth ? m.Groups["m"].Value : MonthNumber(m.Groups["mon"].Value);
            Add(m, Build(m.Groups["y"].Value, month, m.Groups["d"].Value), text, into);
        }
    }

    private static void Add(Match m, DateTimeOffset? date, string text, List<DateMatch> into)
    {
        if (date is null) return;
        var hasTime = m.Groups["H"].Success;
        var value = date.Value;
        var length = m.Length;
        if (hasTime && WithTime(value, m) is { } withTime)
        {
            value = withTime;
        }
        else if (hasTime)
        {
            // The time part did not make sense: keep the date, drop the time from the match.
            hasTime = false;
            length = m.Groups["H"].Index - m.Index;
            while (length > 0 && !char.IsLetterOrDigit(text[m.Index + length - 1])) length--;
        }
        into.Add(new DateMatch(value, m.Index, length, hasTime));
    }

    private static DateTimeOffset? WithTime(DateTimeOffset date, Match m)
    {
        var hour = int.Parse(m.Groups["H"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["M"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["S"].Success ? int.Parse(m.Groups["S"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) return null;
        var offset = m.Groups["tz"].Success ? ParseZone(m.Groups["tz"].Value) : TimeSpan.Zero;
        if (offset is null) return null;
        var local = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, offset.Value);
        return local;
    }

    private static TimeSpan? ParseZone(string zone)
    {
        zone = zone.Trim();
        var sign = zone.IndexOfAny(['+', '-']);
        TimeSpan baseOffset = TimeSpan.Zero;
        if (sign > 0)
        {
            if (!Zones.TryGetValue(zone[..sign].Trim(), out baseOffset)) return null;
            zone = zone[sign..];
        }
        else if (sign < 0)
        {
            return Zones.TryGetValue(zone, out var named) ? named : null;
        }
        var negative = zone[0] == '-';
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        int hours, minutes = 0;
        if (digits.Length <= 2) hours = int.Parse(digits, CultureInfo.InvariantCulture);
        else
        {
            hours = int.Parse(digits[..^2], CultureInfo.InvariantCulture);
            minutes = int.Parse(digits[^2..], CultureInfo.InvariantCulture);
        }
        if (hours > 14 || minutes > 59) return null;
        var span = new TimeSpan(hours, minutes, 0);
        return baseOffset + (negative ? -span : span);
    }

    private static string MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => "1", "feb" => "2", "mar" => "3", "apr" => "4", "may" => "5", "jun" => "6",
        "jul" => "7", "aug" => "8", "sep" => "9", "oct" => "10", "nov" => "11", "dec" => "12",
        _ => "0",
    };

    private static DateTimeOffset? Build(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var mo)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            return null;
        if (y is < MinYear or > MaxYear || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
        return new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero);
    }

    private static DateTimeOffset? Plausible(DateTimeOffset value) =>
        value.UtcDateTime.Year is >= MinYear and <= MaxYear ? value : null;
}
