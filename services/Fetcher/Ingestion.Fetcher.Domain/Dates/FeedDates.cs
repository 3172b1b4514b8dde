using System.Globalization;

namespace Ingestion.Fetcher.Domain.Dates;

/// <summary>
/// Parses the dates feeds and sitemaps write: RFC 822 / 1123 / 2822 (named zones, military letters, missing weekday,
/// two-digit years, single-digit days, swapped day and month, asctime), W3CDTF / RFC 3339 (partial dates such as
/// "2003-12" and "2003", space instead of "T"), ISO 8601 basic and ordinal forms, and common broken variants.
/// The result is always in UTC (offset zero), computed from the offset the text gave.
/// </summary>
public static class FeedDates
{
    /// <summary>Parses <paramref name="text"/>; false when no known form matches or the fields are out of range.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length > 100) return false;

        return W3cDates.TryParse(s, out value)
            || Rfc822Dates.TryParse(s, out value)
            || Iso8601Dates.TryParse(s, out value);
    }

    /// <summary>The parsed date in UTC, or null.</summary>
    public static DateTimeOffset? Parse(string? text) => TryParse(text, out var value) ? value : null;

    /// <summary>Builds the UTC instant for a local date and time at <paramref name="offsetMinutes"/> east of UTC.</summary>
    internal static bool TryBuild(int year, int month, int day, int hour, int minute, int second, double fraction,
        int offsetMinutes, out DateTimeOffset value)
    {
        value = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (hour == 24 && minute == 0 && second == 0) { hour = 23; minute = 59; second = 59; } // "24:00" end of day
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 60) return false;
        if (second == 60) second = 59; // leap second
        try
        {
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
            if (fraction > 0) local = local.AddTicks((long)Math.Round(fraction * TimeSpan.TicksPerSecond));
            var utc = local.AddMinutes(-offsetMinutes);
            value = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    internal static bool TryParseInt(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses "+hhmm", "-hh:mm", "+hh" into minutes east of UTC.</summary>
    internal static bool TryParseNumericOffset(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s.Length < 2 || (s[0] != '+' && s[0] != '-' && s[0] != '\u2212')) return false;
        var sign = s[0] == '+' ? 1 : -1;
        var rest = s[1..];
        int hours, mins = 0;
        var colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            if (!TryParseInt(rest[..colon], out hours) || !TryParseInt(rest[(colon + 1)..], out mins)
                || rest.Length - colon - 1 != 2) return false;
        }
        else if (rest.Length is 1 or 2)
        {
            if (!TryParseInt(rest, out hours)) return false;
        }
        else if (rest.Length == 4)
        {
            if (!TryParseInt(rest[..2], out hours) || !TryParseInt(rest[2..], out mins)) return false;
        }
        else return false;
        if (hours > 23 || mins > 59) return false;
        minutes = sign * (hours * 60 + mins);
        return true;
    }
}
