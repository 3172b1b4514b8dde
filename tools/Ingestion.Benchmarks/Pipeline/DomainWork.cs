using System.Text.Json;
using Ingestion.Cleaner.Domain;
using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Duplicates;
using Ingestion.Hosting;
using Npgsql;

namespace Ingestion.Benchmarks.Pipeline;

/// <summary>A page as the fetcher recorded it (fetcher.pages): what the cleaner was sent.</summary>
internal sealed record RecordedPage(string ArticleId, int Revision, string FinalUrl, SourceRef Source, string ContentType,
    string? Charset, DateTimeOffset FetchedAt, byte[] BodyGzip, FeedItemInfo? Item)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every page recorded, in the order fetched.</summary>
    public static async Task<List<RecordedPage>> ReadAllAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select article_id, revision, final_url, source_kind, source_name, source_location, content_type, charset, fetched_at,
                   body_gzip, item::text
            from fetcher.pages order by fetched_at, article_id, revision
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var pages = new List<RecordedPage>();
        while (await reader.ReadAsync())
            pages.Add(new RecordedPage(reader.GetString(0), reader.GetInt32(1), reader.GetString(2),
                new SourceRef(reader.GetString(3), reader.GetString(4), reader.GetString(5)), reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), new DateTimeOffset(reader.GetDateTime(8), TimeSpan.Zero),
                reader.GetFieldValue<byte[]>(9), reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<FeedItemInfo>(reader.GetString(10), Json)));
        return pages;
    }
}

/// <summary>One pass of a stage's domain work over every page or article once: its thread's CPU time and how many it did.</summary>
internal sealed record DomainPass(string Stage, int Inputs, int Outputs, TimeSpan Cpu)
{
    public double MsPerInput => Inputs == 0 ? 0 : Cpu.TotalMilliseconds / Inputs;
}

/// <summary>
/// The stages' domain work alone, in this process on one thread, over the pages the pipeline was fed (as the fetcher
/// recorded them): the cleaner's extraction (<see cref="ArticleExtractor"/> over the unpacked page, then
/// <c>ToCleanedArticle</c>, as CleaningStage calls them) and the enricher's analysis (<see cref="ArticleEnricher.Analyze"/>
/// and the <see cref="MinHash"/> signature, as EnrichmentStage calls them, without the duplicate lookup in PostgreSQL),
/// each measured with the thread's CPU time around those calls only (unpacking the gzip body is outside). What the
/// services spend beyond this is messaging, persistence, logging and tracing.
/// </summary>
internal sealed class DomainWork(IReadOnlyList<RecordedPage> pages)
{
    const long MaxPageBytes = 32L * 1024 * 1024; // Cleaner:MaxPageBytes's default
    readonly ArticleExtractor extractor = new();
    readonly ArticleEnricher enricher = new(null, encoder: null);

    /// <summary>Extracts every page once; the articles cleaned are returned for <see cref="Enrich"/>.</summary>
    public (DomainPass Pass, List<CleanedArticle> Cleaned) Extract()
    {
        var cleaned = new List<CleanedArticle>(pages.Count);
        var cpu = TimeSpan.Zero;
        foreach (var page in pages)
        {
            var body = PageBody.Decompress(page.BodyGzip, MaxPageBytes);
            var started = ThreadCpu.Now();
            var result = extractor.Extract(new PageInput(body, page.ContentType, page.Charset, page.FinalUrl, page.Item));
            var article = result.Article?.ToCleanedArticle(page.ArticleId, page.Revision, page.FinalUrl, page.Source, page.FetchedAt);
            cpu += ThreadCpu.Now() - started;
            if (article is not null) cleaned.Add(article);
        }
        return (new DomainPass("extract", pages.Count, cleaned.Count, cpu), cleaned);
    }

    /// <summary>Enriches every cleaned article once.</summary>
    public DomainPass Enrich(IReadOnlyList<CleanedArticle> articles)
    {
        var cpu = TimeSpan.Zero;
        foreach (var article in articles)
        {
            var started = ThreadCpu.Now();
            var details = enricher.Analyze(article);
            var signature = MinHash.Compute(details.Body);
            cpu += ThreadCpu.Now() - started;
            GC.KeepAlive(signature);
        }
        return new DomainPass("enrich", articles.Count, articles.Count, cpu);
    }
}
