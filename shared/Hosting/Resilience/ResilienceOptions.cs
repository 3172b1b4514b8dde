namespace Ingestion.Hosting.Resilience;

/// <summary>How long a service waits for a dependency that is away, and how it stops. Section <c>Resilience</c>.</summary>
public sealed class ResilienceOptions
{
    public const string Section = "Resilience";

    /// <summary>
    /// How long a message waits for PostgreSQL or the broker before it is given up to its <c>_error</c> queue, and how
    /// long a service waits for them at start-up. Past it the service logs a critical error. Keep it below RabbitMQ's
    /// <c>consumer_timeout</c> (30 min by default), which closes a channel holding an unacknowledged message longer.
    /// </summary>
    public int OutageCeilingSeconds { get; set; } = 900;

    /// <summary>The longest pause between two attempts while waiting (the pauses double from one second up to it).</summary>
    public int MaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>How often a dependency that is away is probed (and one that is up, to notice it going).</summary>
    public int ProbeSeconds { get; set; } = 2;

    /// <summary>On SIGTERM, how long messages being processed may take to finish; unfinished ones are not acknowledged.</summary>
    public int ShutdownGraceSeconds { get; set; } = 30;

    public TimeSpan OutageCeiling => TimeSpan.FromSeconds(OutageCeilingSeconds);

    /// <summary>The pauses between attempts while a dependency is away: 1, 2, 4 ... s up to the longest, adding up to the
    /// ceiling.</summary>
    public TimeSpan[] WaitIntervals()
    {
        var intervals = new List<TimeSpan>();
        var total = TimeSpan.Zero;
        var next = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(MaxRetryDelaySeconds);
        while (total < OutageCeiling)
        {
            var step = next < max ? next : max;
            if (total + step > OutageCeiling) step = OutageCeiling - total;
            intervals.Add(step);
            total += step;
            next *= 2;
        }
        return [.. intervals];
    }

    /// <summary>The problems with these settings, empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (OutageCeilingSeconds < 1) yield return $"{Section}:OutageCeilingSeconds must be at least 1 (is {OutageCeilingSeconds}).";
        if (MaxRetryDelaySeconds < 1) yield return $"{Section}:MaxRetryDelaySeconds must be at least 1 (is {MaxRetryDelaySeconds}).";
        if (ProbeSeconds < 1) yield return $"{Section}:ProbeSeconds must be at least 1 (is {ProbeSeconds}).";
        if (ShutdownGraceSeconds < 0) yield return $"{Section}:ShutdownGraceSeconds must not be negative (is {ShutdownGraceSeconds}).";
    }
}
