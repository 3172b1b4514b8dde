using Dapper;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The enricher's near-duplicate links and mentioned dates, through the running enricher and indexer, RabbitMQ and
/// PostgreSQL: cleaned articles are published as the cleaner publishes them; ArticleEnriched and ArticleIndexed are read
/// off their exchanges; the enricher's tables (schema <c>enricher</c>) and the index (<c>indexer.articles</c>) are read back.
/// The mentioned dates are read from ArticleEnriched, the only place they are kept.
/// A rewritten copy links to its original, also after the enricher is killed and a new one started on the same database;
/// redelivering an article adds no rows and never links it to itself; a later revision of the original does not link to
/// its own copies.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class EnrichmentPersistenceTests(LocalServers servers, ITestOutputHelper output)
{
    // The copies' ids sort before the original's ("ferry-terminal-c…" < "ferry-terminal-o…"): a lookup that picks the
    // smallest matching id instead of the earliest article links the second copy to the first copy, not the original.
    const string OriginalId = "ferry-terminal-original";
    const string FirstCopyId = "ferry-terminal-copy-1";
    const string SecondCopyId = "ferry-terminal-copy-2";
    const string UnrelatedId = "rail-strike-unrelated";

    /// <summary>Thursday 7 March 2024: "on Tuesday" is the 5th, "next Monday" the 11th.</summary>
    static readonly DateTimeOffset OriginalPublished = new(2024, 3, 7, 8, 30, 0, TimeSpan.Zero);

    static readonly string[] OriginalParagraphs =
    [
        "PORTSMOUTH: The harbour authority on Tuesday approved a £48 million plan to replace the ageing ferry terminal at "
        + "Gunwharf Quays, ending two years of argument over whether the crumbling pier could be repaired at all.",
        "The decision follows a structural survey published on March 3, 2024, which found that corrosion had eaten through a "
        + "third of the steel piles holding up the passenger walkway. Engineers told the board that the walkway could carry "
        + "foot traffic for another eighteen months at most, and only if heavy vehicles were kept off the upper deck.",
        "\"We have patched this pier for a decade and the patches are now holding up the patches,\" said Helen Marsh, the "
        + "authority's chief executive. \"Rebuilding is cheaper than another round of emergency repairs, and it is the only "
        + "option that keeps the crossings running through the summer.\"",
        "Under the plan, a temporary pontoon will be floated into the inner basin next week so that the island crossings can "
        + "move there while demolition begins. Contractors are due on site next Monday, and the new terminal, with covered "
        + "boarding bridges and a waiting hall twice the size of the current one, is scheduled to open by June 2025.",
        "Local businesses welcomed the vote but warned that months of disruption lay ahead. The ferry operator said timetables "
        + "would not change, although passengers should allow an extra fifteen minutes to reach the temporary pontoon from "
        + "the railway station.",
        "The city council still has to approve a planning application for the new building, and councillors are expected to "
        + "debate it at a special meeting before the end of the spring.",
    ];

    /// <summary>
    /// The dates expected in the original's <c>Enrichment.Dates</c>, in reading order: the text as written, the day
    /// it resolves to against the publish date (Thursday 7 March 2024), the granularity; "next week" is the Monday that starts it.
    /// </summary>
    static readonly (string Text, string Date, string Granularity)[] OriginalDates =
    [
        ("on Tuesday", "2024-03-05", "day"),
        ("March 3, 2024", "2024-03-03", "day"),
        ("next week", "2024-03-11", "week"),
        ("next Monday", "2024-03-11", "day"),
        ("June 2025", "2025-06-01", "month"),
    ];

    /// <summary>Syndicated the same afternoon: one sentence rewritten, a newsletter promotion and a footer added.</summary>
    static readonly string[] FirstCopyParagraphs =
    [
        "Sign up for our Morning Briefing newsletter to get the day's top stories delivered to your inbox before breakfast.",
        .. OriginalParagraphs[..4],
        "Shop owners along the waterfront applauded the decision, though several cautioned that the building work would bring "
        + "a long stretch of upheaval. The ferry operator said timetables would not change, although passengers should allow "
        + "an extra fifteen minutes to reach the temporary pontoon from the railway station.",
        OriginalParagraphs[5],
        "Follow us on Facebook and Instagram for the latest news from the South Coast.",
        "Copyright South Coast Media Group. All rights reserved.",
    ];

    /// <summary>Republished two days later by another site: a different sentence rewritten, other boilerplate.</summary>
    static readonly string[] SecondCopyParagraphs =
    [
        .. OriginalParagraphs[..5],
        "Councillors must still sign off on a planning application for the new building at a special meeting later in the spring.",
        "This story first appeared in the Solent Evening Post and is republished here with permission.",
        "Download our free app to read every story offline, and turn on notifications for breaking news alerts.",
    ];

    static readonly string[] UnrelatedParagraphs =
    [
        "Train drivers on three regional lines will walk out for forty-eight hours after talks over pay and rest breaks "
        + "collapsed, their union said, leaving commuters in the north-west without a service for two working days.",
        "The union's general secretary accused the operator of tearing up an agreement on rostering that had stood for "
        + "eleven years. \"Our members are exhausted and they are not prepared to be taken for granted,\" she said.",
        "The operator said it had offered a four per cent rise backdated to the autumn and called the strike "
        + "disproportionate. Replacement buses will run between the main stations but cannot carry bicycles.",
        "Passenger groups urged both sides to return to the conciliation service, warning that students sitting exams and "
        + "hospital staff on early shifts would be hit hardest by the cancellations.",
    ];

    static CleanedArticle Article(string id, int revision, string site, string title, DateTimeOffset published, string[] paragraphs) =>
        new(id, revision, $"https://{site}.example.invalid/news/{id}", title, ["Kate Holloway"], published, null, "en",
            site, null, null, null, paragraphs, new SourceRef("folder", "Test Desk", "/test"), DateTimeOffset.UtcNow);

    static readonly CleanedArticle Original = Article(OriginalId, 1, "harbour-gazette", "Harbour authority approves new ferry terminal",
        OriginalPublished, OriginalParagraphs);

    [Fact]
    public async Task Duplicates_and_mentioned_dates_are_persisted_survive_an_enricher_restart_and_redelivery_adds_nothing()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "enrichpersist");
        try
        {
            await pipeline.StartAsync("Indexer", "Enricher");
            await using var bus = await EnricherMessages.ConnectAsync(servers, pipeline);
            await using var db = pipeline.OpenDb();

            // 1. The original, a rewritten copy, an unrelated article, one after the other.
            await bus.PublishAsync(Original);
            var (originalEnriched, originalIndexed) = await bus.WaitForAsync(pipeline, OriginalId, 1);
            Assert.Null(originalEnriched.Enrichment.DuplicateOf);
            Assert.Null(originalIndexed.DuplicateOf);

            await bus.PublishAsync(Article(FirstCopyId, 1, "south-coast-news", "£48m ferry terminal gets the go-ahead",
                OriginalPublished.AddHours(7), FirstCopyParagraphs));
            var (copyEnriched, copyIndexed) = await bus.WaitForAsync(pipeline, FirstCopyId, 1);
            Assert.Equal(OriginalId, copyEnriched.Enrichment.DuplicateOf);
            Assert.Equal(OriginalId, copyIndexed.DuplicateOf);

            await bus.PublishAsync(Article(UnrelatedId, 1, "harbour-gazette", "Train drivers to strike for two days",
                OriginalPublished.AddHours(2), UnrelatedParagraphs));
            var (unrelatedEnriched, unrelatedIndexed) = await bus.WaitForAsync(pipeline, UnrelatedId, 1);
            Assert.Null(unrelatedEnriched.Enrichment.DuplicateOf);
            Assert.Null(unrelatedIndexed.DuplicateOf);

            Assert.Equal(Links((FirstCopyId, OriginalId), (OriginalId, null), (UnrelatedId, null)), await DuplicateLinksAsync(db));

            // 2. The original's mentioned dates: published in ArticleEnriched, offsets into the body the indexer stores.
            var body = string.Join("\n\n", OriginalParagraphs);
            var expected = OriginalDates.Select(d =>
            {
                var start = body.IndexOf(d.Text, StringComparison.Ordinal);
                Assert.True(start >= 0
                    && start == body.LastIndexOf(d.Text, StringComparison.Ordinal), $"'{d.Text}' occurs once in the body");
                return new DateRow(1, start, start + d.Text.Length, d.Text, d.Date, d.Granularity);
            }).ToList();
            var rows = DateRows(originalEnriched);
            Assert.Equal(expected, rows);
            var indexedBody = await db.ExecuteScalarAsync<string>("select body from indexer.articles where article_id = @OriginalId",
                new { OriginalId });
            Assert.Equal(body, indexedBody);
            foreach (var row in rows)
                Assert.Equal(row.Text, indexedBody![row.Start..row.End]);

            // 3. A new enricher process (the old one killed, nothing kept in memory) on the same database still finds the original.
            var before = pipeline.Processes["Enricher"];
            await pipeline.StartServiceAsync("Enricher");
            Assert.NotSame(before, pipeline.Processes["Enricher"]);
            await bus.PublishAsync(Article(SecondCopyId, 1, "solent-evening-post", "New ferry terminal approved for Portsmouth",
                OriginalPublished.AddDays(2), SecondCopyParagraphs));
            var (secondEnriched, secondIndexed) = await bus.WaitForAsync(pipeline, SecondCopyId, 1);
            Assert.Equal(OriginalId, secondEnriched.Enrichment.DuplicateOf); // not the first copy, whose id is smaller
            Assert.Equal(OriginalId, secondIndexed.DuplicateOf);
            Assert.Contains($"Enriched {SecondCopyId} r1", pipeline.Processes["Enricher"].Output);

            // 4. The same original (same id and revision) delivered again: the stored outcome is published again, nothing is added.
            await bus.PublishAsync(Original with { FetchedAt = DateTimeOffset.UtcNow });
            var (againEnriched, againIndexed) = await bus.WaitForAsync(pipeline, OriginalId, 1, nth: 2);
            Assert.Null(againEnriched.Enrichment.DuplicateOf);
            Assert.Null(againIndexed.DuplicateOf);
            Assert.Equal(originalIndexed.EventId, againIndexed.EventId);
            Assert.Equal(originalIndexed.ChangeCursor, againIndexed.ChangeCursor);
            Assert.Equal(originalEnriched.Enrichment.Fingerprint, againEnriched.Enrichment.Fingerprint);
            // The new process never enriched it: it published the outcome the first process stored.
            Assert.DoesNotContain($"Enriched {OriginalId} r1", pipeline.Processes["Enricher"].Output);
            Assert.Equal(expected, DateRows(againEnriched));
            Assert.Equal(1, await CountForAsync(db, "enricher.minhash_signatures", OriginalId));
            Assert.Equal(1, await CountForAsync(db, "enricher.stage_results", OriginalId));
            Assert.Equal(1, await CountForAsync(db, "indexer.revisions", OriginalId));

            // 5. A corrected revision of the original is still nobody's copy: not of itself, not of the copies that came after it.
            var corrected = OriginalParagraphs.ToArray();
            corrected[0] = corrected[0].Replace("£48 million", "£49 million", StringComparison.Ordinal);
            await bus.PublishAsync(Article(OriginalId, 2, "harbour-gazette", "Harbour authority approves new ferry terminal",
                OriginalPublished, corrected));
            var (revisedEnriched, revisedIndexed) = await bus.WaitForAsync(pipeline, OriginalId, 2);
            Assert.Null(revisedEnriched.Enrichment.DuplicateOf);
            Assert.Null(revisedIndexed.DuplicateOf);
            Assert.Equal(expected.Select(r => r with { Revision = 2 }).ToList(), DateRows(revisedEnriched));

            Assert.Equal(Links((FirstCopyId, OriginalId), (SecondCopyId, OriginalId), (OriginalId, null), (UnrelatedId, null)),
                await DuplicateLinksAsync(db));
            Assert.Equal(0, await pipeline.CountAsync("select count(*) from indexer.rejections"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    public sealed record DateRow(int Revision, int Start, int End, string Text, string Date, string Granularity);

    static List<DateRow> DateRows(ArticleEnriched enriched) =>
        enriched.Enrichment.Dates
            .Select(d => new DateRow(enriched.Article.Revision, d.Start, d.End, d.Text, d.Date.ToString("yyyy-MM-dd"), d.Granularity))
            .ToList();

    static async Task<List<(string, string?)>> DuplicateLinksAsync(Npgsql.NpgsqlConnection db) =>
        (await db.QueryAsync<(string,
            string?)>("select article_id, duplicate_of from indexer.articles order by article_id collate \"C\"")).ToList();

    static List<(string, string?)> Links(params (string, string?)[] links) => [.. links];

    static Task<long> CountForAsync(Npgsql.NpgsqlConnection db, string table, string articleId) =>
        db.ExecuteScalarAsync<long>($"select count(*) from {table} where article_id = @articleId", new { articleId });
}
