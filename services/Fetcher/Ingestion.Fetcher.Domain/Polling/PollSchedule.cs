namespace Ingestion.Fetcher.Domain.Polling;

/// <summary>
/// When to poll a feed next. After a success the interval follows the feed's publishing rhythm (half the median gap
/// between its recent items, so a new item waits on average a quarter of a gap), bounded by the policy, and never
/// shorter than what the publisher asks for (RSS <c>ttl</c>, <c>Cache-Control: max-age</c>, <c>Expires</c>) unless that
/// exceeds the maximum. After a failure it backs off exponentially with ±20 % jitter, and honours <c>Retry-After</c>.
/// </summary>
public static class PollSchedule
{
    /// <summary>Items older than this do not describe the current rhythm.</summary>
    private static readonly TimeSpan RhythmWindow = TimeSpan.FromDays(30);

    public static TimeSpan AfterSuccess(PollPolicy policy, IEnumerable<DateTimeOffset> itemDates, DateTimeOffset now, int? ttlMinutes,
        TimeSpan? freshFor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(itemDates);
        var interval = Rhythm(itemDates, now) is { } gap ? gap / 2 : policy.Default;
        interval = Clamp(interval, policy.Min, policy.Max);
        var asked = Longest(ttlMinutes is > 0 ? TimeSpan.FromMinutes(ttlMinutes.Value) : null, freshFor);
        if (asked is { } a && a > interval) interval = a < policy.Max ? a : policy.Max;
        return interval;
    }

    /// <summary>The wait after the <paramref name="errorCount"/>-th consecutive failure (1 for the first).</summary>
    /// <param name="jitter">A number in [0, 1) (e.g. <c>Random.Shared.NextDouble()</c>).</param>
    public static TimeSpan AfterFailure(PollPolicy policy, int errorCount, TimeSpan? retryAfter, double jitter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var exponent = Math.Clamp(errorCount - 1, 0, 20);
        var seconds = policy.Default.TotalSeconds * Math.Pow(2, exponent) * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1));
        var backoff = TimeSpan.FromSeconds(Math.Min(seconds, policy.MaxBackoff.TotalSeconds));
        if (retryAfter is { } r && r > backoff) backoff = r < policy.MaxBackoff ? r : policy.MaxBackoff;
        return backoff < policy.Min ? policy.Min : backoff;
    }

    /// <summary>The median gap between the distinct recent item dates, or null with fewer than three.</summary>
    public static TimeSpan? Rhythm(IEnumerable<DateTimeOffset> itemDates, DateTimeOffset now)
    {
        var dates = itemDates.Where(d => d <= now + TimeSpan.FromHours(1) && now - d <= RhythmWindow)
            .Select(d => d.UtcTicks).Distinct().OrderByDescending(t => t).Take(50).ToList();
        if (dates.Count < 3) return null;
        var gaps = dates.Zip(dates.Skip(1), (a, b) => a - b).Order().ToList();
        return TimeSpan.FromTicks(gaps[gaps.Count / 2]);
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeSpan Clamp(TimeSpan v, TimeSpan min, TimeSpan max) => v < min ? min : v > max ? max : v;
}
