using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// What the indexer writes in its own code rather than in SQL (migration 0007) reads back unchanged: paragraphs kept apart
/// only where the body does not give them back, entity keys and tags, author and keyword lists, and the stored event with
/// the change cursor the insert handed out.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IndexerStorageTests(LocalServers servers, ITestOutputHelper output)
{
    static readonly DateTimeOffset Day = new(2024, 6, 3, 7, 0, 0, TimeSpan.Zero);

    static readonly (string Id, string[] Paragraphs, bool StoredApart)[] Cases =
    [
        ("plain", ["Plain storage paragraph one.", "Plain storage paragraph two."], false),
        ("empty-last", ["Storage ends with an empty paragraph.", ""], false),
        ("blank-line-inside", ["Storage paragraph holding\n\na blank line.", "Ends in a line break.\n", "", "Last."], true),
    ];

    [Fact]
    public async Task Rows_written_by_the_indexer_read_back_unchanged()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxstorage");
        try
        {
            await pipeline.StartAsync("Indexer");
            var messages = Cases.Select(c =>
            {
                var m = IndexerMessages.Article(c.Id, $"Storage case {c.Id}", "x", Day,
                    entities: [("Élysée Palace", "LOC"), ("Jane \"JJ\" O\\Brien", "PER")]);
                return m with
                {
                    Article = m.Article with { Paragraphs = c.Paragraphs, Authors = ["Jane \"JJ\" O\\Brien", "{Staff}, Desk"] },
                    Enrichment = m.Enrichment with { Keywords = ["storage", "a,b", "NULL"] },
                };
            }).ToList();
            await IndexerMessages.IndexAsync(pipeline, messages);

            await using var db = pipeline.OpenDb();
            foreach (var (id, paragraphs, storedApart) in Cases)
            {
                var article = await pipeline.Indexer.GetFromJsonAsync<JsonElement>($"/articles/{id}");
                Assert.Equal(paragraphs, article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
                Assert.Equal(["Jane \"JJ\" O\\Brien", "{Staff}, Desk"],
                    article.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
                Assert.Equal(["storage", "a,b", "NULL"], article.GetProperty("keywords").EnumerateArray().Select(a => a.GetString()));
                Assert.Equal(storedApart, await db.ExecuteScalarAsync<bool>(
                    "select paragraphs is not null from indexer.articles where article_id = @id", new { id }));
            }

            // Entity keys: the filter matches a non-ASCII name in any case; the facet shows the canonical name.
            var byEntity = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/search?entity=" + Uri.EscapeDataString("ÉLYSÉE palace")
                + "&entityType=LOC&facets=true");
            Assert.Equal(Cases.Length, byEntity.GetProperty("total").GetInt64());
            var names = byEntity.GetProperty("facets").GetProperty("entities").EnumerateArray().Select(e =>
                e.GetProperty("name").GetString()).ToList();
            Assert.Contains("Élysée Palace", names);
            Assert.Contains("Jane \"JJ\" O\\Brien", names);

            // Each stored event carries its own row's cursor, in the feed and in the table.
            var feed =
                (await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/articles/changes?after=0")).GetProperty("items").EnumerateArray().ToList();
            var rows = (await db.QueryAsync<(string Id, long Cursor, string Event)>(
                "select article_id, change_cursor, event::text from indexer.revisions order by change_cursor")).ToList();
            Assert.Equal(rows.Select(r => (r.Id, r.Cursor)),
                feed.Select(e => (e.GetProperty("articleId").GetString()!, e.GetProperty("changeCursor").GetInt64())));
            Assert.All(rows, r => Assert.Equal(r.Cursor, JsonDocument.Parse(r.Event).RootElement.GetProperty("changeCursor").GetInt64()));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
