using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// The indexer builds most text vectors itself (TextVectors) instead of PostgreSQL's <c>to_tsvector</c>: every stored
/// vector must still be exactly the one PostgreSQL would have built, for awkward text and for the extraction corpus's
/// real article bodies; bodies it cannot reproduce are left to PostgreSQL, and GET /status counts both.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class IndexerVectorTests(LocalServers servers, ITestOutputHelper output)
{
    const string Differing = """
        select a.article_id from indexer.articles a
        cross join lateral (select setweight(to_tsvector(a.ts_config, a.title), 'A') ||
                                   setweight(to_tsvector(a.ts_config, coalesce(a.description, a.summary)), 'B') as head) h
        where a.tsv_head is distinct from h.head
           or a.tsv is distinct from h.head || setweight(to_tsvector(a.ts_config, left(a.body, 300000)), 'C')
        order by 1
        """;

    static readonly DateTimeOffset Day = new(2024, 5, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Bodies the indexer vectorises itself: what the parser reads in its special ways is sent to it chunk by chunk.</summary>
    static readonly (string Id, string Language, string Body)[] Awkward =
    [
        ("punctuation", "en", "The U.S. and the E.U. agreed a 3.5% rise (10,000 jobs) on 2024-01-02 at 10:30 a.m. — well-known, "
            + "self-driving-car-maker, e-mail info@example.org, see https://example.com/a/b?x=1, C:\\temp\\file.txt, ~/notes; etc.. "
                + "wait... ok!"),
        ("numbers", "en", "-5 5-6 $72,500 1.2.3 v2.0 +1 1e10 0x1F 1st 10am G20 COVID-19 3-D 100km 5km/h No.2 ~12x between ~3x and ~12x"),
        ("apostrophes", "en", "rock'n'roll isn't O’Neil's “quoted” ‘single’ «guillemets» x…y x–y\u00A0nbsp\r\nnext\tline"),
        ("german", "de", "Die Eisbären kehren an die Küste zurück.\n\nStraße, Öl-Preise und Größen: 2024 stiegen sie um 5,5 Prozent."),
        ("russian", "ru", "Москва — столица России. В 2023 году «Газпром» сообщил о росте; Ёлка и ёжик."),
        ("japanese", "ja", "報道によると、今回販売されたのは「脱獄」したiPhone。Apple社は認めていません。"),
        ("letters", "en", "Cafe\u0301 naïve résumé İstanbul ſ Ærø Ωμέγα 🎉 emoji and \u200Bzero width"),
        ("portuguese", "pt", "Os ursos-polares voltaram à costa norte; não há ações, só corações."),
        ("stopwords", "en", "the and of to"),
        ("no-words", "en", "... — !"),
    ];

    /// <summary>Bodies PostgreSQL must vectorise itself: a tag, an over-long word, a lexeme repeated past 255, past 16,383 words.</summary>
    static readonly (string Id, string Language, string Body)[] LeftToPostgres =
    [
        ("tag", "en", "Text with <b>bold</b> tags and &amp; entities."),
        ("long-word", "en", "short words then " + new string('a', 3000) + " and more"),
        ("repeats", "en", string.Join(' ', Enumerable.Repeat("bears", 300))),
        ("many-words", "en", string.Join(' ', Enumerable.Range(0, 17_000))),
    ];

    [Fact]
    public async Task Vectors_built_by_the_indexer_equal_PostgreSQLs()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxvectors");
        try
        {
            await pipeline.StartAsync("Indexer");
            // Titles and descriptions take the same path: the head's positions continue after the title's last lexeme.
            var articles = Awkward.Concat(LeftToPostgres)
                .Select((a, i) => IndexerMessages.Article(a.Id, $"Vectors: the {a.Id} case, U.S.-style (No. {i})", a.Body, Day,
                    language: a.Language, description: i % 2 == 0 ? $"Described: well-known {a.Id} text, the end." : null)).ToList();
            await IndexerMessages.IndexAsync(pipeline, articles);

            Assert.Empty(await DifferingAsync(pipeline));
            var status = await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/status");
            var vectors = status.GetProperty("textVectors");
            Assert.Equal(Awkward.Length, vectors.GetProperty("builtHere").GetInt64());
            Assert.Equal(LeftToPostgres.Length, vectors.GetProperty("leftToPostgres").GetInt64());
            Assert.True(vectors.GetProperty("remembered").GetInt64() > 0);

            // The vectors answer searches: a hyphenated word, a phrase in a German body, a Russian stem.
            Assert.Contains("punctuation", Ids(await pipeline.SearchAsync("well-known")));
            Assert.Contains("german",
                Ids(await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/search?lang=de&q=" + Uri.EscapeDataString("\"Küste zurück\""))));
            Assert.Contains("russian",
                Ids(await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/search?lang=ru&q=" + Uri.EscapeDataString("столицы"))));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    [Fact]
    public async Task Vectors_of_the_extraction_corpus_equal_PostgreSQLs()
    {
        var groundTruth = RepoPaths.Corpus("extraction", "scrapinghub", "ground-truth.json");
        if (groundTruth is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found beside the repository.");
            return;
        }
        // Each body under several configurations: the parser is the same, the dictionaries differ.
        string[] languages = ["en", "de", "ru", "pt", "fr", "id", "xx"];
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(groundTruth));
        var articles = doc.RootElement.EnumerateObject()
            .Select((e, i) => (Id: $"corpus-{i:D3}", Body: e.Value.GetProperty("articleBody").GetString() ?? ""))
            .Where(a => a.Body.Trim().Length > 0)
            .Select((a, i) => IndexerMessages.Article(a.Id, "Corpus " + a.Id, a.Body, Day, language: languages[i % languages.Length]))
            .ToList();

        await using var pipeline = await TestPipeline.CreateAsync(servers, "idxcorpusvec");
        try
        {
            await pipeline.StartAsync("Indexer");
            await IndexerMessages.IndexAsync(pipeline, articles);
            Assert.Empty(await DifferingAsync(pipeline));
            var vectors = (await pipeline.Indexer.GetFromJsonAsync<JsonElement>("/status")).GetProperty("textVectors");
            var (here, left) = (vectors.GetProperty("builtHere").GetInt64(), vectors.GetProperty("leftToPostgres").GetInt64());
            output.WriteLine($"{articles.Count} corpus bodies: {here} vectorised by the indexer, {left} left to PostgreSQL, all equal to to_tsvector's");
            Assert.True(here >= articles.Count * 9 / 10, $"only {here} of {articles.Count} bodies vectorised by the indexer");
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }

    static async Task<List<string>> DifferingAsync(TestPipeline pipeline)
    {
        await using var conn = pipeline.OpenDb();
        return (await Dapper.SqlMapper.QueryAsync<string>(conn, Differing)).ToList();
    }

    static List<string> Ids(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
}
