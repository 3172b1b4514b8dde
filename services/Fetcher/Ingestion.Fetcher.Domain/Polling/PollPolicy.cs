namespace Ingestion.Fetcher.Domain.Polling;

/// <summary>Bounds of a feed's polling schedule.</summary>
/// <param name="Min">Never poll a feed more often than this.</param>
/// <param name="Max">Never wait longer than this between two successful polls.</param>
/// <param name="Default">The interval when nothing is known about the feed's publishing rhythm.</param>
/// <param name="MaxBackoff">The longest wait after failures (Retry-After may ask for up to this too).</param>
public sealed record PollPolicy(TimeSpan Min, TimeSpan Max, TimeSpan Default, TimeSpan MaxBackoff);
