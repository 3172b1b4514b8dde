using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>GET /search against real PostgreSQL: only the indexer runs; the test publishes ArticleEnriched messages to it.</summary>
[Collection(ServersCollection.Name)]
public sealed class IndexerSearchTests(LocalServers servers, ITestOutputHelper output)
{
    static readonly DateTimeOffset March = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    static IEnumerable<ArticleEnriched> Articles()
    {
        yield return IndexerMessages.Article("bears", "Polar bears return to the northern coast",
            "Polar bears were seen on the northern coast again this winter.\n\nThe Arctic Council said the ice had come back early.",
            March, source: "Nature Desk", entities: [("Arctic Council", "ORG"), ("Norway", "LOC")]);
        yield return IndexerMessages.Article("parliament", "Parliament debates the polar research budget",
            "Members argued about money for polar research. Bears were mentioned once.\n\nThe Arctic Council sent a letter.",
            March.AddDays(-30), source: "Politics Desk", entities: [("Arctic Council", "ORG"), ("Jonas Gahr Store", "PER")]);
        yield return IndexerMessages.Article("eisbaeren", "Eisbären kehren an die Küste zurück",
            "Die Eisbären sind wieder an der nördlichen Küste zu sehen.", March.AddDays(-3), language: "de", source: "Nature Desk");
        yield return IndexerMessages.Article("bridge", "Bridge repairs delayed again",
            "The old bridge will stay closed until the summer, the council said.", March.AddDays(-90), source: "City Desk");
        yield return IndexerMessages.Article("newest", "Harbour opens a new ferry line",
            "A ferry now links the two halves of the harbour.", March.AddDays(10), source: "City Desk");
        for (var i = 0; i < 5; i++) // identical text and date: equal scores, so only the id orders them
            yield return IndexerMessages.Article($"tie-{i}", "Quarry noise complaints", "Residents complained about quarry noise at night.",
                March.AddDays(-200), source: "City Desk");
    }

    [Fact]
    public async Task Search_ranks_filters_facets_pages_and_explains_bad_requests()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxsearch");
        try
        {
            await pipeline.StartAsync("Indexer");
            var articles = Articles().ToList();
            await IndexerMessages.PublishAsync(pipeline, articles);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == articles.Count,
                TimeSpan.FromSeconds(60), "all test articles indexed");

            // Ranking: a title match comes before a body mention; every hit has a highlighted snippet.
            var polar = await SearchAsync(pipeline, "q=polar%20bears");
            Assert.Equal(["bears", "parliament"], Ids(polar));
            Assert.All(polar.GetProperty("items").EnumerateArray(), h => Assert.Contains("<b>", h.GetProperty("snippet").GetString()));

            // Web-search syntax: phrase, exclusion, OR (English stems and other languages' words).
            Assert.Equal(["bears"], Ids(await SearchAsync(pipeline, "q=" + Uri.EscapeDataString("\"polar bears\""))));
            Assert.Equal(["bears"], Ids(await SearchAsync(pipeline, "q=polar%20-parliament")));
            Assert.Equal(["bridge", "newest"], Ids(await SearchAsync(pipeline, "q=bridge%20OR%20ferries")).Order());
            Assert.Equal(["eisbaeren"], Ids(await SearchAsync(pipeline, "q=Eisb%C3%A4r&lang=de"))); // German stems with lang=de

            // Near-match on titles (pg_trgm): a misspelt word still finds the headline.
            Assert.Contains("parliament", Ids(await SearchAsync(pipeline, "q=Parliment%20debates")));
            // ...but quoted words are asked for exactly: no near-matches for them.
            var quoted = await SearchAsync(pipeline, "q=" + Uri.EscapeDataString("\"Parliment debates\""));
            Assert.Empty(Ids(quoted));
            Assert.False(quoted.GetProperty("nearTitles").GetBoolean());

            // Filters: language, source, dates, entity by canonical name and type.
            Assert.Equal(["eisbaeren"], Ids(await SearchAsync(pipeline, "lang=de")));
            Assert.Equal(["bears", "eisbaeren"], Ids(await SearchAsync(pipeline, "source=Nature%20Desk")).Order());
            Assert.Equal(["bears", "eisbaeren"], Ids(await SearchAsync(pipeline, "from=2024-02-20&to=2024-03-05")).Order());
            Assert.Equal(["bears", "parliament"], Ids(await SearchAsync(pipeline, "entity=arctic%20council&entityType=ORG")).Order());
            Assert.Empty(Ids(await SearchAsync(pipeline, "entity=Arctic%20Council&entityType=PER")));

            // Facets count the best-ranked 500 results (here all of them), not only the page.
            var faceted = await SearchAsync(pipeline, "q=polar&facets=true&limit=1");
            Assert.Equal(2, faceted.GetProperty("total").GetInt64());
            var entities = faceted.GetProperty("facets").GetProperty("entities").EnumerateArray().ToList();
            Assert.Equal("Arctic Council", entities[0].GetProperty("name").GetString());
            Assert.Equal(2, entities[0].GetProperty("count").GetInt64());
            Assert.Equal(2, faceted.GetProperty("facets").GetProperty("sources").GetArrayLength());

            // An empty query lists the newest first.
            var newest = await SearchAsync(pipeline, "");
            Assert.Equal("newest", Ids(newest)[0]);
            Assert.Equal(articles.Count, newest.GetProperty("total").GetInt64());

            // Keyset pages: ties in score are ordered by id; every article appears once across the pages.
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"tie-{i}"), await AllPagesAsync(pipeline, "q=quarry%20noise&limit=2"));
            Assert.Equal(articles.Count, (await AllPagesAsync(pipeline, "limit=3")).Distinct().Count());

            // Bad requests: 400 with a message that says what is wrong.
            await BadAsync(pipeline, "q=x&cursor=garbage", "cursor is not one this API gave out");
            await BadAsync(pipeline, "entity=Norway&entityType=PLACE", "entityType 'PLACE' is not one of PER, ORG, LOC");
            await BadAsync(pipeline, "q=" + new string('w', 501), "q is too long");
            await BadAsync(pipeline, "q=%21%21%21", "no words to search for");
            await BadAsync(pipeline, "limit=ten", "limit must be a positive whole number");
            var page = await SearchAsync(pipeline, "q=quarry&limit=2");
            await BadAsync(pipeline, "q=noise&limit=2&cursor="
                + page.GetProperty("next").GetString(), "cursor belongs to a different search");

            // The whole article, and the OpenAPI document describing both endpoints.
            var article = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/articles/parliament");
            Assert.Equal("Jonas Gahr Store", article.GetProperty("entities")[1].GetProperty("name").GetString());
            Assert.Equal(1, article.GetProperty("revisions").GetArrayLength());
            Assert.Equal(HttpStatusCode.NotFound, (await pipeline.Indexer.GetAsync("/articles/nope")).StatusCode);
            var openApi = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            var paths = openApi.GetProperty("paths");
            Assert.True(paths.TryGetProperty("/search", out var search));
            Assert.Contains(search.GetProperty("get").GetProperty("parameters").EnumerateArray(), p =>
                p.GetProperty("name").GetString() == "cursor");
            Assert.True(paths.TryGetProperty("/articles/{id}", out _));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task Large_bodies_and_new_revisions_are_indexed()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxlarge");
        try
        {
            await pipeline.StartAsync("Indexer");
            // 600,000 characters of mostly distinct words: more than a tsvector may hold. The first 300,000 are indexed.
            var rng = new Random(5);
            var words = Enumerable.Range(0, 75_000).Select(_ =>
                new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + rng.Next(26))).ToArray()));
            var body = "Zanzibarite opens the text.\n\n" + string.Join(' ', words);
            await IndexerMessages.PublishAsync(pipeline,
            [
                IndexerMessages.Article("large", "A very long report", body, March),
                IndexerMessages.Article("revised", "Old headline about turnips", "Turnips grow well.", March),
            ]);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 2,
                TimeSpan.FromSeconds(60), "both indexed");
            Assert.Equal(["large"], Ids(await SearchAsync(pipeline, "q=zanzibarite")));

            await IndexerMessages.PublishAsync(pipeline,
                [IndexerMessages.Article("revised", "New headline about parsnips", "Parsnips grow well.", March, revision: 2)]);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.revisions") == 3,
                TimeSpan.FromSeconds(60), "revision 2 indexed");
            Assert.Equal(["revised"], Ids(await SearchAsync(pipeline, "q=parsnips")));
            Assert.Empty(Ids(await SearchAsync(pipeline, "q=turnips")));
            var article = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/articles/revised");
            Assert.Equal(2, article.GetProperty("revision").GetInt32());
            Assert.Equal(2, article.GetProperty("revisions").GetArrayLength());
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task Articles_outside_the_cached_time_span_are_found_at_once()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxspan");
        try
        {
            await pipeline.StartAsync("Indexer");
            await IndexerMessages.PublishAsync(pipeline,
                [IndexerMessages.Article("middle", "Archipelago ferry survey", "The archipelago ferry survey began.", March)]);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 1,
                TimeSpan.FromSeconds(60), "the first article indexed");
            // This search reads the table's time span (March 2024 only), which searches then share for a few seconds.
            Assert.Equal(["middle"], Ids(await SearchAsync(pipeline, "q=archipelago")));

            // Older and newer than every article the cached span knows: windows are sized from that span, but their
            // bounds are conditions in the SQL and a tier it cannot size is read whole, so nothing is hidden.
            await IndexerMessages.PublishAsync(pipeline,
            [
                IndexerMessages.Article("older", "Archipelago ferry plans", "The archipelago ferry plans were drawn.", March.AddYears(-30)),
                IndexerMessages.Article("newer", "Archipelago ferry opens", "The archipelago ferry opened.", March.AddYears(5)),
            ]);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 3,
                TimeSpan.FromSeconds(60), "all three indexed");
            Assert.Equal(["newer", "middle", "older"], Ids(await SearchAsync(pipeline, "q=archipelago")));
            // Quoted, so that an empty ranking could not be rescued by the near-title fallback.
            var phrase = "q=" + Uri.EscapeDataString("\"archipelago ferry\"");
            Assert.Equal(["older"], Ids(await SearchAsync(pipeline, phrase + "&to=2000-01-01")));
            Assert.Equal(["newer"], Ids(await SearchAsync(pipeline, phrase + "&from=2025-01-01")));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task Rejections_keep_what_the_refused_page_said_about_itself()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxreject");
        try
        {
            await pipeline.StartAsync("Indexer");
            var refusedAt = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
            await IndexerMessages.PublishAsync(pipeline,
            [
                new ArticleRejected("short", 1, "https://news.example.invalid/short", "cleaner", "not-an-article",
                    "only 6 words of body text in 1 paragraph(s); an article needs at least 40", refusedAt,
                    Title: "Ferry timetable changes on Sunday", Published: new DateTimeOffset(2024, 3, 4, 8, 30, 0, TimeSpan.Zero),
                        Language: "en"),
                new ArticleRejected("gone", 0, "https://news.example.invalid/gone", "fetcher", "http-error", "404 Not Found", refusedAt),
            ]);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.rejections") == 2,
                TimeSpan.FromSeconds(60), "both rejections recorded");

            var list = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/rejections");
            var byId = list.EnumerateArray().ToDictionary(r => r.GetProperty("articleId").GetString()!);
            var shortNote = byId["short"];
            Assert.Equal("Ferry timetable changes on Sunday", shortNote.GetProperty("title").GetString());
            Assert.Equal(new DateTimeOffset(2024, 3, 4, 8, 30, 0, TimeSpan.Zero), shortNote.GetProperty("published").GetDateTimeOffset());
            Assert.Equal("en", shortNote.GetProperty("language").GetString());
            Assert.Equal("not-an-article", shortNote.GetProperty("reason").GetString());
            var gone = byId["gone"];
            Assert.Equal(JsonValueKind.Null, gone.GetProperty("title").ValueKind);
            Assert.Equal(JsonValueKind.Null, gone.GetProperty("published").ValueKind);
            Assert.Equal("http-error", gone.GetProperty("reason").GetString());
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    static async Task<JsonElement> SearchAsync(TestPipeline pipeline, string query) =>
        await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/search?" + query);

    static List<string> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();

    static async Task<List<string>> AllPagesAsync(TestPipeline pipeline, string query)
    {
        var ids = new List<string>();
        string? next = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await SearchAsync(pipeline, query + (next is null ? "" : "&cursor=" + next));
            ids.AddRange(Ids(page));
            next = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
            if (next is null) return ids;
        }
        throw new InvalidOperationException("more than 20 pages: the cursor does not advance");
    }

    static async Task BadAsync(TestPipeline pipeline, string query, string expected)
    {
        var response = await pipeline.Indexer.GetAsync("/search?" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {text}");
        Assert.Contains(expected, text);
    }
}
