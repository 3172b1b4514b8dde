using Ingestion.Contracts;
using Ingestion.Fetcher.Domain.Folder;
using Ingestion.Fetcher.Domain.Identity;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting.Telemetry;

namespace Ingestion.Fetcher.Sources;

/// <summary>The folder source: every matching file is an article; a changed file becomes a new revision.</summary>
public sealed class FolderIngestor(ArticlePublisher publisher, FetcherOptions options, ServiceTelemetry telemetry,
    ILogger<FolderIngestor> logger)
{
    // Files seen unchanged (same size and time) are not read again within this process.
    readonly Dictionary<string, (long Length, DateTimeOffset Modified)> seen = new();

    public async Task<int> ScanAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Folder source {Folder} does not exist", folder);
            return 0;
        }
        using var scan = telemetry.Source.StartActivity("scan folder");
        scan?.SetTag("folder", folder);
        var source = new SourceRef("folder", Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)),
            Path.GetFullPath(folder));
        var found = 0;
        foreach (var doc in FolderSource.List(folder, options.FolderExtensions))
        {
            var info = new FileInfo(doc.Path);
            if (seen.TryGetValue(doc.Path, out var last) && last == (info.Length, doc.Modified))
                continue;
            if (await IngestAsync(doc, info.Length, source, ct))
                found++;
            seen[doc.Path] = (info.Length, doc.Modified);
        }
        scan?.SetTag("documents.new", found);
        return found;
    }

    async Task<bool> IngestAsync(FolderDocument doc, long length, SourceRef source, CancellationToken ct)
    {
        var articleId = ArticleIdentity.IdFor(UrlCanonicalizer.Canonicalize(doc.Url));
        using var activity = publisher.StartArticleTrace(doc.Url);
        if (length > options.MaxPageBytes)
        {
            await publisher.RejectAsync(articleId, doc.Url, "too-large",
                $"{length} bytes is more than the limit of {options.MaxPageBytes}.", ct);
            return false;
        }
        var body = await File.ReadAllBytesAsync(doc.Path, ct);
        var page = NewPage.Fetched(articleId, url: doc.Url, finalUrl: doc.Url, source, doc.ContentType, charset: null,
            statusCode: 200, body, item: null);
        return await publisher.RecordAndPublishAsync(page, ct) is not null;
    }
}
