using System.Text.RegularExpressions;

namespace Ingestion.Fetcher.Domain.Dates;

/// <summary>
/// RFC 822 family, read leniently by token: optional weekday, day and month in either order, 2-, 3- or 4-digit year,
/// optional time (h:mm[:ss[.fff]] with optional AM/PM), optional zone (numeric, "GMT+01:00", named, military).
/// Also covers asctime ("Sun Jan  4 16:29:06 2004"), JavaScript's Date.toString and Perforce ("2006/09/15").
/// A token that fits nowhere makes the whole text unparseable rather than silently ignored.
/// </summary>
internal static partial class Rfc822Dates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^(?<y>\d{4})[/.](?<m>\d{1,2})[/.](?<d>\d{1,2})$")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(?:gmt|utc|ut)(?<off>[+\-\u2212]\d{1,2}(?::?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex GmtOffset();

    public static bool TryParse(string s, out DateTimeOffset value)
    {
        value = default;
        var text = Comment().Replace(s, " ").Replace(',', ' ');
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2) return false;

        int? month = null, hour = null, minute = null, second = null, zone = null, year = null, day = null;
        double fraction = 0;
        bool? pm = null;
        var numbers = new List<string>(2);
        var start = 0;
        if (IsDayName(tokens[0])) start = 1;

        for (var i = start; i < tokens.Length; i++)
        {
            var t = tokens[i].TrimEnd('.');
            if (t.Length == 0) continue;
            if (char.IsAsciiDigit(t[0]) && t.Contains(':'))
            {
                if (hour is not null || !TryParseTime(t, out var h, out var mi, out var se, out fraction)) return false;
                (hour, minute, second) = (h, mi, se);
            }
            else if (SlashDate().Match(t) is { Success: true } sd)
            {
                if (year is not null || month is not null) return false;
                year = int.Parse(sd.Groups["y"].Value);
                month = int.Parse(sd.Groups["m"].Value);
                day = int.Parse(sd.Groups["d"].Value);
            }
            else if (IsAllDigits(t))
            {
                numbers.Add(t);
            }
            else if (t[0] is '+' or '-' or '\u2212')
            {
                if (zone is not null || !FeedDates.TryParseNumericOffset(t, out var off)) return false;
                zone = off;
            }
            else if (t.Equals("am", StringComparison.OrdinalIgnoreCase) || t.Equals("pm", StringComparison.OrdinalIgnoreCase))
            {
                if (pm is not null) return false;
                pm = t.Equals("pm", StringComparison.OrdinalIgnoreCase);
            }
            else if (month is null && TryMonth(t, out var mo))
            {
                month = mo;
            }
            else if (GmtOffset().Match(t) is { Success: true } g)
            {
                if (zone is not null || !FeedDates.TryParseNumericOffset(g.Groups["off"].Value, out var off)) return false;
                zone = off;
            }
            else if (hour is not null && zone is null && TimeZoneAbbreviations.TryGetOffsetMinutes(t, out var named))
            {
                zone = named;
            }
            else if (zone is null && char.IsAsciiLetter(t[0]) && hour is not null && IsZoneLike(t))
            {
                zone = 0; // an unknown zone name after the time: read as UTC, as feedparser does
            }
            else
            {
                return false;
            }
        }

        if (month is null) return false;
        if (year is null)
        {
            if (numbers.Count != 2) return false;
            var (a, b) = (numbers[0], numbers[1]);
            if (a.Length >= 3 && b.Length <= 2) (a, b) = (b, a); // "2004 Jan 01"
            if (a.Length > 2 || b.Length > 4) return false;
            day = int.Parse(a);
            year = int.Parse(b);
            if (b.Length <= 2) year += year < 90 ? 2000 : 1900;
            else if (b.Length == 3) year += 1900; // "104" from tm_year
        }
        else if (numbers.Count != 0) return false;

        var hh = hour ?? 0;
        if (pm is not null)
        {
            if (hour is null || hh is < 1 or > 12) return false;
            hh = pm.Value ? (hh % 12) + 12 : hh % 12;
        }
        return FeedDates.TryBuild(year.Value, month.Value, day!.Value, hh, minute ?? 0, second ?? 0, fraction, zone ?? 0, out value);
    }

    private static bool TryParseTime(string t, out int hour, out int minute, out int second, out double fraction)
    {
        hour = minute = second = 0;
        fraction = 0;
        var dot = t.IndexOf('.');
        if (dot >= 0)
        {
            if (!double.TryParse("0" + t[dot..], System.Globalization.NumberStyles.AllowDecimalPoint,
                    System.Globalization.CultureInfo.InvariantCulture, out fraction)) return false;
            t = t[..dot];
        }
        var parts = t.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        foreach (var p in parts) if (p.Length is 0 or > 2 || !IsAllDigits(p)) return false;
        hour = int.Parse(parts[0]);
        minute = int.Parse(parts[1]);
        if (parts.Length == 3) second = int.Parse(parts[2]);
        return true;
    }

    private static bool IsDayName(string t)
    {
        var lower = t.TrimEnd('.', ',').ToLowerInvariant();
        if (lower.Length < 3 || !lower.All(char.IsAsciiLetter)) return false;
        if (!DayNames.Contains(lower[..3])) return false;
        // "Thu", "Thursday", "Thur", "Tues"; never a month name
        return !TryMonth(lower, out _);
    }

    private static bool TryMonth(string t, out int month)
    {
        month = 0;
        var lower = t.ToLowerInvariant();
        if (lower.Length < 3 || !lower.All(char.IsAsciiLetter)) return false;
        if (lower == "sept") { month = 9; return true; }
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal)) { month = i + 1; return true; }
        }
        return false;
    }

    private static bool IsAllDigits(string t)
    {
        foreach (var c in t) if (!char.IsAsciiDigit(c)) return false;
        return t.Length > 0;
    }

    private static bool IsZoneLike(string t) => t.Length is >= 2 and <= 5 && t.All(char.IsAsciiLetter)
        || t.Contains('/') && t.All(c => char.IsAsciiLetter(c) || c is '/' or '_');
}
