using Ingestion.Hosting.Resilience;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ingestion.Hosting.Tests;

/// <summary>An outage is told once when it starts, once when it ends, and once more if it outlasts the ceiling.</summary>
public sealed class DependencyMonitorTests
{
    sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    sealed class ListLogger : ILogger<DependencyMonitor>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            lock (Lines) Lines.Add((logLevel, formatter(state, exception)));
        }
    }

    static readonly Exception Refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432",
        new System.Net.Sockets.SocketException(111));

    [Fact]
    public void Many_failures_in_one_outage_give_one_warning_and_one_line_when_it_is_back()
    {
        var (clock, log) = (new ManualClock(), new ListLogger());
        var monitor = new DependencyMonitor(new ResilienceOptions(), log, clock);
        for (var i = 0; i < 500; i++)
            Assert.Equal(Dependency.Postgres, monitor.ReportFault(Refused));
        Assert.True(monitor.IsAway(Dependency.Postgres));
        Assert.False(monitor.IsAway(Dependency.Broker));
        clock.Now += TimeSpan.FromSeconds(75);
        Assert.Equal(TimeSpan.FromSeconds(75), monitor.AwayFor(Dependency.Postgres));
        monitor.ReportUp(Dependency.Postgres);
        monitor.ReportUp(Dependency.Postgres);

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal(LogLevel.Warning, log.Lines[0].Level);
        Assert.Contains("PostgreSQL is unreachable", log.Lines[0].Text);
        Assert.Contains("PostgreSQL is back after 75.0 s", log.Lines[1].Text);
        Assert.Contains("499 failed attempts", log.Lines[1].Text);
        Assert.False(monitor.IsAway(Dependency.Postgres));
    }

    [Fact]
    public void An_outage_past_the_ceiling_is_told_loudly_once()
    {
        var (clock, log) = (new ManualClock(), new ListLogger());
        var monitor = new DependencyMonitor(new ResilienceOptions { OutageCeilingSeconds = 60 }, log, clock);
        monitor.ReportAway(Dependency.Broker, "connection refused");
        clock.Now += TimeSpan.FromSeconds(61);
        monitor.ReportAway(Dependency.Broker, "connection refused");
        monitor.ReportAway(Dependency.Broker, "connection refused");
        Assert.Single(log.Lines, l => l.Level == LogLevel.Critical);
        Assert.Contains("RabbitMQ has been unreachable for 61 s", log.Lines.Single(l => l.Level == LogLevel.Critical).Text);
    }

    [Fact]
    public void A_failure_of_the_work_itself_is_not_an_outage()
    {
        var log = new ListLogger();
        var monitor = new DependencyMonitor(new ResilienceOptions(), log);
        Assert.Null(monitor.ReportFault(new InvalidDataException("not gzip")));
        Assert.Empty(monitor.Away);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task Work_waits_out_an_outage_and_goes_on_when_it_ends()
    {
        var log = new ListLogger();
        var monitor = new DependencyMonitor(new ResilienceOptions { MaxRetryDelaySeconds = 1 }, log);
        var attempts = 0;
        var result = await monitor.WaitOutAsync(_ => ++attempts < 3 ? throw Refused : Task.FromResult(42), CancellationToken.None);
        Assert.Equal(42, result);
        Assert.Equal(3, attempts);
        Assert.False(monitor.IsAway(Dependency.Postgres));
        Assert.Equal(2, log.Lines.Count);
    }

    [Fact]
    public async Task Work_that_fails_on_its_own_merits_fails_at_once()
    {
        var monitor = new DependencyMonitor(new ResilienceOptions(), new ListLogger());
        var attempts = 0;
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            monitor.WaitOutAsync(_ => { attempts++; throw new InvalidDataException("bad"); }, CancellationToken.None));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Past_the_ceiling_the_last_error_is_thrown()
    {
        var monitor = new DependencyMonitor(new ResilienceOptions { OutageCeilingSeconds = 1, MaxRetryDelaySeconds = 1 }, new ListLogger());
        await Assert.ThrowsAsync<NpgsqlException>(() =>
            monitor.WaitOutAsync(_ => Task.FromException<int>(Refused), CancellationToken.None));
    }
}
