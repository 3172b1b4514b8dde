namespace Ingestion.Cleaner.Domain.Dates;

/// <summary>
/// A machine date stated in UTC is the server's clock, not the newsroom's: 02:18Z is the evening before in the
/// Americas. When the day the page shows (in its URL, or under its headline) is the day before or after the UTC
/// day, the instant is kept and stated in the smallest whole-hour offset that puts it on the page's day.
/// </summary>
internal static class PageDay
{
    /// <summary>Beyond this a UTC time is the same day in most of the world: the page's other day is another date, not the same
    /// moment.</summary>
    private const int MaxShiftHours = 9;

    public static DateTimeOffset? Align(DateTimeOffset? published, DateOnly? shownDay)
    {
        // Midnight is a date written without a time: it is the page's day already.
        if (published is not { } p || shownDay is not { } day || p.Offset != TimeSpan.Zero
            || p.TimeOfDay == TimeSpan.Zero) return published;
        var utcDay = DateOnly.FromDateTime(p.UtcDateTime);
        int hours;
        if (day == utcDay.AddDays(-1)) hours = -(p.Hour + 1);
        else if (day == utcDay.AddDays(1)) hours = 24 - p.Hour;
        else return published;
        return Math.Abs(hours) <= MaxShiftHours ? p.ToOffset(TimeSpan.FromHours(hours)) : published;
    }
}
