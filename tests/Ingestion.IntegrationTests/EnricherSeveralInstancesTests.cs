using Dapper;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// Two enricher processes on one database, each given one of two copies of a story at the same moment. The test holds
/// both enrichments inside their storing transactions (a share lock on <c>enricher.stage_results</c> keeps either from
/// committing) until both are as far as they get: each has looked up near-duplicates, or waits to. Then it lets them commit:
/// exactly one copy must be a duplicate of the other. Nothing here waits on the clock: each step waits for the backends
/// to be waiting for a lock, as PostgreSQL reports them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class EnricherSeveralInstancesTests(LocalServers servers, ITestOutputHelper output)
{
    static readonly DateTimeOffset Published = new(2024, 10, 14, 6, 0, 0, TimeSpan.Zero);

    static readonly string[] Story =
    [
        "LEEDS: Engineers reopened the Kirkstall viaduct to trains on Sunday night, three weeks after a landslip beneath one of "
        + "its stone piers forced the line between Leeds and Skipton to close and stranded thousands of daily commuters.",
        "Network Rail said crews had driven forty steel piles into the embankment and poured more than two hundred tonnes of "
        + "concrete around the damaged pier, working through the night in shifts while the river below was still running high "
        + "after the heaviest October rainfall in the county for thirty years.",
        "\"The viaduct is now stronger than it has been at any point in its history,\" said the route director, Amira Haddad. "
        + "\"We will keep monitoring the slope every day through the winter, but passengers can travel with confidence.\"",
        "Services will run to a reduced timetable for the first week while drivers are retrained on the new speed limits across "
        + "the structure, and the operator said replacement buses would continue at peak times until the full service returns.",
        "Local councillors welcomed the reopening but called for an inquiry into why warnings about drainage on the embankment, "
        + "raised by residents two years ago, were not acted upon before the slip.",
    ];

    /// <summary>The same story from a second site: one sentence rewritten, a newsletter line and a footer added.</summary>
    static readonly string[] Copy =
    [
        "Get the Yorkshire Evening Briefing in your inbox every weekday: sign up on our website.",
        .. Story[..3],
        "For the first week trains will run less often while drivers learn the new speed limits over the viaduct, and "
        + "replacement buses will keep running at peak times until the full service returns, the operator said.",
        Story[4],
        "Copyright Dales Media Limited. All rights reserved.",
    ];

    static CleanedArticle Article(string id, string site, string[] paragraphs) =>
        new(id, 1, $"https://{site}.example.invalid/news/{id}", "Kirkstall viaduct reopens after landslip repairs", ["Tom Pryce"],
            Published, null, "en", site, null, null, null, paragraphs, new SourceRef("folder", "Test Desk", "/test"), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Two_copies_enriched_at_once_by_two_enrichers_are_linked()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "enrtwo");
        try
        {
            await pipeline.StartServiceAsync("Enricher");
            await pipeline.StartServiceAsync("Enricher", instance: "Enricher 2");
            await using var tap = await EnricherMessages.ConnectAsync(servers, pipeline);
            var (first, second) = (Article("viaduct-gazette", "dales-gazette", Story), Article("viaduct-courier", "pennine-courier", Copy));

            await using var holder = pipeline.OpenDb();
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await holder.ExecuteAsync("lock table enricher.stage_results in share mode", transaction: hold);

            await tap.PublishAsync(first);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 1, TimeSpan.FromSeconds(60),
                "the first copy's enrichment waiting to store its outcome");
            await tap.PublishAsync(second);
            await pipeline.WaitUntilAsync(async () => await pipeline.LockWaitersAsync() >= 2, TimeSpan.FromSeconds(60),
                "the second copy's enrichment waiting too");
            await hold.CommitAsync();

            await pipeline.WaitUntilAsync(() => Task.FromResult(tap.EnrichedOf(first.ArticleId, 1).Count > 0
                    && tap.EnrichedOf(second.ArticleId, 1).Count > 0), TimeSpan.FromSeconds(60), "both copies enriched");
            var links = new[] { first, second }.ToDictionary(a => a.ArticleId, a => tap.EnrichedOf(a.ArticleId, 1)[0].Enrichment.DuplicateOf);
            output.WriteLine(string.Join(", ", links.Select(l => $"{l.Key} -> {l.Value ?? "none"}")));
            Assert.Single(links, l => l.Value is null);
            Assert.Single(links, l => l.Value is not null && links.ContainsKey(l.Value) && l.Value != l.Key);
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
