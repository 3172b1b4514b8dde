using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

[Collection(ServersCollection.Name)]
public sealed class PipelineTests(LocalServers servers, ITestOutputHelper output)
{
    const string SeedFile = "000_07d19f153c2cce90.txt";

    [Fact]
    public async Task The_seed_article_is_fetched_cleaned_enriched_and_indexed_once_and_is_searchable()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "seed");
        File.Copy(Path.Combine(RepoPaths.Seeds, SeedFile), Path.Combine(pipeline.Folder, SeedFile));
        try
        {
            await pipeline.StartAsync();
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 1,
                TimeSpan.FromSeconds(120), "the seed article in the index");

            Assert.Equal(1, Total(await pipeline.SearchAsync("polar route")));
            Assert.Equal(1, Total(await pipeline.SearchAsync("Vladivostok")));
            Assert.Equal(0, Total(await pipeline.SearchAsync("Kudankulam")));

            await using var db = pipeline.OpenDb();
            var row = await db.QuerySingleAsync<(string Id, DateTime Published, string[] Authors, string Body)>(
                "select article_id, published, authors, body from indexer.articles");
            Assert.Equal(new DateTime(2023, 12, 27), row.Published.Date);
            Assert.Equal(["Yeshi Seli"], row.Authors);
            var article = await pipeline.Indexer.GetFromJsonAsync<JsonElement>($"/articles/{row.Id}");
            var paragraphs = article.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToArray();
            Assert.Equal(paragraphs.Length, paragraphs.Distinct().Count());
            Assert.Single(paragraphs, p => p.Contains("from Chennai to Vladivostok"));
            Assert.Single(paragraphs, p => p.StartsWith("NEW DELHI: India and Russia are likely"));
            Assert.DoesNotContain("googletag", row.Body);
            Assert.DoesNotContain("WhatsApp", row.Body);

            // A second run over the same folder (a restarted fetcher) records and indexes nothing new.
            pipeline.Kill("Fetcher");
            await pipeline.StartServiceAsync("Fetcher");
            await Task.Delay(TimeSpan.FromSeconds(4));
            Assert.Equal(1, await pipeline.CountAsync("select count(*) from fetcher.pages"));
            Assert.Equal(1, await pipeline.CountAsync("select count(*) from indexer.revisions"));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    static int Total(JsonElement result) => result.GetProperty("total").GetInt32();
}
