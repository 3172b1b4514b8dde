using System.ServiceModel.Syndication;
using System.Xml;
using BenchmarkDotNet.Attributes;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Benchmarks.Feeds;

/// <summary>
/// Parse throughput over the real feeds (../shared/corpus/feeds/real/feeds) of the fetcher's <see cref="FeedParser"/>
/// beside CodeHollow.FeedReader 2.1.1 and System.ServiceModel.Syndication 11.0.0, in one run; one operation = one feed
/// (mean over all feeds), with allocations. Each parser gets the bytes as received; a feed it refuses (Syndication reads
/// only RSS 2.0 and Atom 1.0) counts zero items — how many each one reads is printed at setup. Run:
/// <c>dotnet run -c Release --project tools/Ingestion.Benchmarks -- --filter *FeedParseBenchmarks* [--inProcess]</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FeedParseBenchmarks
{
    private IReadOnlyList<RealFeeds.Feed> feeds = [];

    /// <summary>Feeds per invocation (the corpus has 20).</summary>
    public const int FeedsPerInvoke = 20;

    [GlobalSetup]
    public void Setup()
    {
        this.feeds = RealFeeds.Load();
        foreach (var (name, parse) in new (string, Func<byte[], int>)[] { ("Ingestion", Ours), ("CodeHollow", CodeHollow),
            ("Syndication", Syndication) })
        {
            var read = 0;
            var items = 0;
            foreach (var feed in this.feeds)
            {
                var n = parse(feed.Body);
                if (n >= 0) { read++; items += n; }
            }
            Console.WriteLine($"// {name}: read {read} of {this.feeds.Count} feeds, {items} items");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FeedsPerInvoke)]
    public int IngestionFeedParser() => Run(Ours);

    [Benchmark(OperationsPerInvoke = FeedsPerInvoke)]
    public int CodeHollowFeedReader() => Run(CodeHollow);

    [Benchmark(OperationsPerInvoke = FeedsPerInvoke)]
    public int SyndicationFeedLoad() => Run(Syndication);

    private int Run(Func<byte[], int> parse)
    {
        var items = 0;
        for (var i = 0; i < FeedsPerInvoke && feeds.Count > 0; i++) items += Math.Max(0, parse(feeds[i % feeds.Count].Body));
        return items;
    }

    /// <summary>Items read, or -1 when the parser refused the feed.</summary>
    private static int Ours(byte[] body)
    {
        try
        {
            return FeedParser.Parse(body, null, null, null).Items.Count;
        }
        catch (FeedFormatException)
        {
            return -1;
        }
    }

    private static int CodeHollow(byte[] body)
    {
        try
        {
            return global::CodeHollow.FeedReader.FeedReader.ReadFromByteArray(body).Items.Count;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return -1;
        }
    }

    /// <summary>SyndicationFeed over an XmlReader that ignores DTDs (as ours and CodeHollow's do not load them).</summary>
    private static int Syndication(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            return SyndicationFeed.Load(reader).Items.Count();
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException or ArgumentException
            or NotSupportedException)
        {
            return -1;
        }
    }
}
