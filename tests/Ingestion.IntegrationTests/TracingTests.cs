using Dapper;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>One trace per article: the spans of all four services share a trace id and form one parent chain.</summary>
[Collection(ServersCollection.Name)]
public sealed class TracingTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task An_article_is_one_trace_through_all_four_services()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "trace");
        SyntheticArticles.Write(pipeline.Folder, 100, 1);
        using var traces = new TraceReader(servers.DashboardUrl);
        try
        {
            await pipeline.StartAsync();
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.articles") == 1,
                TimeSpan.FromSeconds(120), "the article in the index");
            await using var db = pipeline.OpenDb();
            var traceParent = await db.ExecuteScalarAsync<string>("select trace_parent from fetcher.pages");
            var traceId = traceParent!.Split('-')[1];

            IReadOnlyList<Span> spans = [];
            await pipeline.WaitUntilAsync(async () =>
            {
                spans = await traces.SpansAsync(traceId);
                return spans.Any(s => s.Service == "indexer" && s.Name == "index article")
                    && spans.Any(s => s.Service == "indexer" && s.Name.Contains("ArticleIndexed"));
            }, TimeSpan.FromSeconds(60), $"the indexer's spans in trace {traceId}");
            output.WriteLine(string.Join("\n", spans.Select(s => $"{s.Service,-9} {s.SpanId} <- {s.ParentSpanId,-16} {s.Name}")));

            // Walk up from the indexer's domain span: every step has its parent in the same trace, up to the fetcher's root.
            var byId = spans.ToDictionary(s => s.SpanId);
            var chain = new List<Span>();
            for (Span? s = spans.First(s => s.Name == "index article"); s is not null;
                 s = s.ParentSpanId is { } p ? byId.GetValueOrDefault(p) ?? throw new Xunit.Sdk.XunitException($"parent {p} of {s.Name} is not in the trace") : null)
                chain.Add(s);
            chain.Reverse();
            output.WriteLine("chain: " + string.Join(" -> ", chain.Select(s => $"{s.Service}:{s.Name}")));

            Assert.Equal("fetch article", chain[0].Name);
            Assert.Null(chain[0].ParentSpanId);
            Assert.Equal(["fetcher", "cleaner", "enricher", "indexer"], chain.Select(s => s.Service).Distinct().ToArray());
            // Each stage's domain span hangs off a MassTransit "process" span of the delivery in the chain
            // (a retried delivery has several process spans under one receive).
            var inChain = chain.Select(s => s.SpanId).ToHashSet();
            bool UnderChain(Span s) => s.ParentSpanId is { } p && byId.TryGetValue(p, out var process)
                && (inChain.Contains(process.SpanId) || process.ParentSpanId is { } r && inChain.Contains(r));
            Assert.Contains(spans, s => s.Service == "cleaner" && s.Name == "clean article" && UnderChain(s));
            Assert.Contains(spans, s => s.Service == "enricher" && s.Name == "enrich article" && UnderChain(s));
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            throw;
        }
    }
}
