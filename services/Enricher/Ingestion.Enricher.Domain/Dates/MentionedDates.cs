using System.Globalization;
using System.Text.RegularExpressions;
using Ingestion.Contracts;

namespace Ingestion.Enricher.Domain.Dates;

/// <summary>
/// Finds English date expressions and resolves them against the publish date: full dates ("December 25, 2023",
/// "25 Dec 2023", "2023-12-25"), day and month without a year (the occurrence nearest the publish date),
/// month and year ("March 2024"), weekdays ("on Monday" = the latest Monday on or before the publish day; "next
/// Monday" after it), "today", "yesterday", "tomorrow", "last/this/next year|month", and "last/this/next week" (the
/// Monday that starts that week, ISO weeks, granularity <c>week</c>). Without a publish date
/// only expressions that carry their own year are resolved.
/// </summary>
public static partial class MentionedDates
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private const string Month = @"(?<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
        + @"Sep(?:t|tember|\.)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    [GeneratedRegex(@"\b(?<iso>(?<y>(?:19|20)\d\d)-(?<m>[01]\d)-(?<d>[0-3]\d))\b"
        + @"|\b" + Month + @"\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?<year>(?:19|20)\d\d))?\b"
        + @"|\b(?<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<month2>January|February|March|April|May|June|July|August|September|October|November|"
            + @"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:,?\s+(?<year2>(?:19|20)\d\d))?\b"
        + @"|\b(?<month3>January|February|March|April|June|July|August|September|October|November|December)\s+(?<year3>(?:19|20)\d\d)\b"
        + @"|\b(?<rel>(?:last|next|this|on|coming)\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        + @"|\b(?<word>today|yesterday|tomorrow)\b"
        + @"|\b(?<rel2>last|next|this)\s+(?<unit>year|month|week)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Expression();

    public static IReadOnlyList<MentionedDate> Find(string text, DateTimeOffset? published)
    {
        var result = new List<MentionedDate>();
        if (string.IsNullOrEmpty(text)) return result;
        DateOnly? today = published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null;
        foreach (Match m in Expression().Matches(text))
        {
            var resolved = Resolve(m, today);
            if (resolved is { } r) result.Add(new MentionedDate(m.Index, m.Index + m.Length, m.Value, r.Date, r.Granularity));
        }
        return result;
    }

    private static (DateOnly Date, string Granularity)? Resolve(Match m, DateOnly? today)
    {
        var g = m.Groups;
        if (g["iso"].Success)
            return Day(Int(g["y"]), Int(g["m"]), Int(g["d"]));
        if (g["month"].Success || g["month2"].Success)
        {
            var month = MonthOf(g["month"].Success ? g["month"].Value : g["month2"].Value);
            var day = Int(g["day"].Success ? g["day"] : g["day2"]);
            var yearGroup = g["year"].Success ? g["year"] : g["year2"];
            if (month == 0) return null;
            if (yearGroup.Success) return Day(Int(yearGroup), month, day);
            if (today is not { } t) return null;
            // The occurrence nearest the publish date: "Dec. 30" in a January story is last year's.
            (DateOnly, string)? best = null;
            var bestGap = int.MaxValue;
            foreach (var y in new[] { t.Year - 1, t.Year, t.Year + 1 })
                if (Day(y, month, day) is { } d && Math.Abs(d.Item1.DayNumber - t.DayNumber) < bestGap)
                {
                    best = d;
                    bestGap = Math.Abs(d.Item1.DayNumber - t.DayNumber);
                }
            return best;
        }
        if (g["month3"].Success)
            return (new DateOnly(Int(g["year3"]), MonthOf(g["month3"].Value), 1), "month");
        if (today is not { } day0) return null;
        if (g["weekday"].Success)
        {
            var target = Array.IndexOf(Weekdays, g["weekday"].Value.ToLowerInvariant());
            var rel = g["rel"].Value.Trim().ToLowerInvariant();
            var current = (int)day0.DayOfWeek;
            if (rel is "next" or "coming")
                return (day0.AddDays((target - current + 7) % 7 is 0 ? 7 : (target - current + 7) % 7), "day");
            var back = (current - target + 7) % 7;
            if (rel == "last" && back == 0) back = 7;
            return (day0.AddDays(-back), "day");
        }
        if (g["word"].Success)
        {
            var offset = g["word"].Value.ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
            return (day0.AddDays(offset), "day");
        }
        if (g["unit"].Success)
        {
            var delta = g["rel2"].Value.ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 };
            return g["unit"].Value.ToLowerInvariant() switch
            {
                "year" => (new DateOnly(day0.Year + delta, 1, 1), "year"),
                "month" => (new DateOnly(day0.Year, day0.Month, 1).AddMonths(delta), "month"),
                _ => (day0.AddDays(-(((int)day0.DayOfWeek + 6) % 7) + 7 * delta), "week"),
            };
        }
        return null;
    }

    private static (DateOnly, string)? Day(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? (new DateOnly(year, month, day), "day") : null;

    private static int MonthOf(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < Months.Length; i++)
            if (Months[i].StartsWith(key, StringComparison.Ordinal) && key.Length >= 3) return i + 1;
        return 0;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
}
