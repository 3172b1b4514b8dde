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

            // Each service exports its spans in its own batches: wait until the whole chain has arrived, i.e. from the
            // indexer's domain span every parent is in the trace, up to a root.
            IReadOnlyList<Span> spans = [];
            List<Span>? chain = null;
            await pipeline.WaitUntilAsync(async () =>
            {
                spans = await traces.SpansAsync(traceId);
                chain = ChainUp(spans);
                return chain is not null && spans.Any(s => s.Service == "indexer" && s.Name.Contains("ArticleIndexed"))
                    && spans.Any(s => s.Name == "clean article") && spans.Any(s => s.Name == "enrich article");
            }, TimeSpan.FromSeconds(60), $"the whole chain of trace {traceId}");
            output.WriteLine(string.Join("\n", spans.Select(s => $"{s.Service,-9} {s.SpanId} <- {s.ParentSpanId,-16} {s.Name}")));
            var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
            var walked = chain!;
            output.WriteLine("chain: " + string.Join(" -> ", walked.Select(s => $"{s.Service}:{s.Name}")));

            Assert.Equal("fetch article", walked[0].Name);
            Assert.Null(walked[0].ParentSpanId);
            Assert.Equal(["fetcher", "cleaner", "enricher", "indexer"], walked.Select(s => s.Service).Distinct().ToArray());
            // Each stage's domain span hangs off a MassTransit "process" span of the delivery in the chain
            // (a retried delivery has several process spans under one receive).
            var inChain = walked.Select(s => s.SpanId).ToHashSet();
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

    /// <summary>The parent chain from the indexer's domain span up to the root, root first; null while a parent is missing.</summary>
    static List<Span>? ChainUp(IReadOnlyList<Span> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        var chain = new List<Span>();
        for (var s = spans.FirstOrDefault(s => s.Name == "index article"); s is not null;)
        {
            chain.Add(s);
            if (s.ParentSpanId is null) { chain.Reverse(); return chain; }
            if (!byId.TryGetValue(s.ParentSpanId, out s)) return null;
        }
        return null;
    }
}
