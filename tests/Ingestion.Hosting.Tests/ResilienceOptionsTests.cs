using Ingestion.Hosting.Resilience;

namespace Ingestion.Hosting.Tests;

public sealed class ResilienceOptionsTests
{
    [Fact]
    public void The_waits_double_up_to_the_longest_and_add_up_to_the_ceiling()
    {
        var intervals = new ResilienceOptions { OutageCeilingSeconds = 600, MaxRetryDelaySeconds = 30 }.WaitIntervals();
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], intervals.Take(7).Select(i => i.TotalSeconds));
        Assert.All(intervals, i => Assert.InRange(i.TotalSeconds, 0.001, 30));
        Assert.Equal(600, intervals.Sum(i => i.TotalSeconds), 3);
    }

    [Fact]
    public void The_default_rides_out_ten_minutes_and_stays_below_rabbitmqs_consumer_timeout()
    {
        var options = new ResilienceOptions();
        var total = options.WaitIntervals().Sum(i => i.TotalSeconds);
        Assert.InRange(total, 600, 1800 - 60);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void A_short_ceiling_is_one_short_wait()
    {
        var intervals = new ResilienceOptions { OutageCeilingSeconds = 1 }.WaitIntervals();
        Assert.Equal([1.0], intervals.Select(i => i.TotalSeconds));
    }

    [Fact]
    public void Unusable_settings_are_named()
    {
        var problems = new ResilienceOptions { OutageCeilingSeconds = 0, ProbeSeconds = 0, ShutdownGraceSeconds = -1 }.Problems().ToList();
        Assert.Contains(problems, p => p.Contains("Resilience:OutageCeilingSeconds"));
        Assert.Contains(problems, p => p.Contains("Resilience:ProbeSeconds"));
        Assert.Contains(problems, p => p.Contains("Resilience:ShutdownGraceSeconds"));
    }
}
