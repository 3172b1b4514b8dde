using BenchmarkDotNet.Attributes;
using Ingestion.Fetcher.Domain;

namespace Ingestion.Benchmarks.Feeds;

/// <summary>
/// Parse throughput of <see cref="FeedParser"/> over the real feeds (../shared/corpus/feeds/real/feeds), one operation =
/// one feed (mean over all feeds), with allocations. Run:
/// <c>dotnet run -c Release --project tests/Ingestion.Benchmarks -- --filter *FeedParseBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FeedParseBenchmarks
{
    private IReadOnlyList<RealFeeds.Feed> _feeds = [];

    /// <summary>Feeds per invocation (the corpus has 20).</summary>
    public const int FeedsPerInvoke = 20;

    [GlobalSetup]
    public void Setup() => _feeds = RealFeeds.Load();

    [Benchmark(OperationsPerInvoke = FeedsPerInvoke)]
    public int IngestionFeedParser()
    {
        var items = 0;
        for (var i = 0; i < FeedsPerInvoke && _feeds.Count > 0; i++)
        {
            try
            {
                items += FeedParser.Parse(_feeds[i % _feeds.Count].Body, null, null, null).Items.Count;
            }
            catch (FeedFormatException)
            {
                // counted as zero items, as a refused feed would be
            }
        }
        return items;
    }
}
