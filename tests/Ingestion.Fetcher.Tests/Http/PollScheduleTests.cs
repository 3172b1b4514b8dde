using Ingestion.Fetcher.Domain.Polling;

namespace Ingestion.Fetcher.Tests.Http;

public class PollScheduleTests
{
    private static readonly PollPolicy Policy = new(TimeSpan.FromMinutes(5), TimeSpan.FromHours(6), TimeSpan.FromMinutes(30),
        TimeSpan.FromDays(1));
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static IEnumerable<DateTimeOffset> Every(TimeSpan gap, int count) => Enumerable.Range(0, count).Select(i => Now - gap * i);

    [Fact]
    public void A_busy_feed_is_polled_at_half_its_gap_but_not_below_the_minimum()
    {
        Assert.Equal(TimeSpan.FromMinutes(20), PollSchedule.AfterSuccess(Policy, Every(TimeSpan.FromMinutes(40), 10), Now, null, null));
        Assert.Equal(Policy.Min, PollSchedule.AfterSuccess(Policy, Every(TimeSpan.FromMinutes(1), 10), Now, null, null));
    }

    [Fact]
    public void A_quiet_feed_is_polled_at_most_at_the_maximum_and_an_unknown_one_at_the_default()
    {
        Assert.Equal(Policy.Max, PollSchedule.AfterSuccess(Policy, Every(TimeSpan.FromDays(2), 10), Now, null, null));
        Assert.Equal(Policy.Default, PollSchedule.AfterSuccess(Policy, [Now], Now, null, null));
    }

    [Fact]
    public void Ttl_and_cache_headers_lengthen_the_interval_up_to_the_maximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(60), PollSchedule.AfterSuccess(Policy, [], Now, 60, null));
        Assert.Equal(TimeSpan.FromMinutes(90), PollSchedule.AfterSuccess(Policy, [], Now, 60, TimeSpan.FromMinutes(90)));
        Assert.Equal(Policy.Max, PollSchedule.AfterSuccess(Policy, [], Now, 24 * 60, null));
        Assert.Equal(Policy.Default, PollSchedule.AfterSuccess(Policy, [], Now, null, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Failures_back_off_exponentially_with_jitter_and_honour_retry_after()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), PollSchedule.AfterFailure(Policy, 1, null, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(120), PollSchedule.AfterFailure(Policy, 3, null, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(96), PollSchedule.AfterFailure(Policy, 3, null, 0.0));
        Assert.Equal(Policy.MaxBackoff, PollSchedule.AfterFailure(Policy, 30, null, 0.99));
        Assert.Equal(TimeSpan.FromHours(3), PollSchedule.AfterFailure(Policy, 1, TimeSpan.FromHours(3), 0.5));
        Assert.Equal(Policy.MaxBackoff, PollSchedule.AfterFailure(Policy, 1, TimeSpan.FromDays(30), 0.5));
    }
}
