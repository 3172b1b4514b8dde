using Ingestion.Fetcher.Domain.Seeds;
using Ingestion.Fetcher.Sources;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Resilience;

namespace Ingestion.Fetcher;

/// <summary>
/// The fetcher's cycle: publish what was recorded but not published, scan the folders, poll the feeds that are due.
/// A failing cycle is logged and the next one runs; nothing here ends the process. When PostgreSQL is away the cycle
/// stops where it is and the next starts once it is back; the broker being away only delays publishing.
/// </summary>
public sealed class FetchWorker(ArticlePublisher publisher, FolderIngestor folders, FeedIngestor feedIngestor, FeedStore feeds,
    FetcherOptions options, DependencyMonitor monitor, ILogger<FetchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        foreach (var feed in options.Feeds.Where(f => !string.IsNullOrWhiteSpace(f.Url)))
            await monitor.WaitOutAsync(token => feeds.AddAsync(feed.Url, feed.Name ?? feed.Url, null, token), ct);
        var seedFiles = options.FeedSeedFiles.Concat(options.Folders.Select(f =>
            Path.Combine(f, "feeds.json"))).Where(File.Exists).Distinct();
        foreach (var file in seedFiles)
        {
            try
            {
                var seeded = FeedSeeds.Parse(await File.ReadAllTextAsync(file, ct), file);
                foreach (var feed in seeded)
                    await monitor.WaitOutAsync(token => feeds.AddAsync(feed.Url, feed.Name ?? feed.Url, null, token), ct);
                logger.LogInformation("Added {Count} feeds from {File}", seeded.Count, file);
            }
            catch (FormatException e)
            {
                logger.LogError("Feed seed file ignored: {Error}", e.Message);
            }
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                var republished = await publisher.PublishPendingAsync(ct);
                if (republished > 0)
                    logger.LogInformation("Re-published {Count} pages recorded before but not published", republished);
                foreach (var folder in options.Folders)
                    await folders.ScanAsync(folder, ct);
                await feedIngestor.PollDueAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && monitor.ReportFault(e) is { } dependency)
            {
                // Logged once by the monitor. Nothing is polled or downloaded until the dependency is back: without
                // PostgreSQL the fetcher cannot tell which pages it already has.
                await monitor.WaitUntilUpAsync(dependency, ct);
                continue;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "Fetch cycle failed; the next cycle retries in {Seconds} s", options.CycleSeconds);
            }
            try { await Task.Delay(TimeSpan.FromSeconds(options.CycleSeconds), ct); }
            catch (OperationCanceledException) { break; }
        }
    }
}
