using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Dapper;
using Ingestion.Contracts;
using Ingestion.Hosting.Persistence;
using Ingestion.Indexer.Domain.Search;
using Ingestion.Indexer.Indexing;
using Ingestion.Indexer.Search;
using Ingestion.Indexer.Vectors;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Search;

/// <summary>
/// <c>dotnet run -c Release --project tools/Ingestion.Benchmarks -- harness search [--articles 100000] [--batch 500] [--runs 50] [--writers
/// 2] [--text-vectors 200000] [--bulk-pending-list KB] [--ilike 0] [--only TEXT] [--port P --load 0]</c>:
/// starts a throwaway PostgreSQL (deploy/local/postgres.sh --ephemeral, free port), applies the indexer's migrations,
/// loads generated articles through <see cref="ArticleIndex.IndexBatchAsync"/> (the indexer's real write path, batched),
/// (<c>--text-vectors 0</c>: PostgreSQL builds every text vector, as before <see cref="TextVectors"/>),
/// then times the 20 queries of <see cref="SearchWorkload"/> through <see cref="SearchQueries"/> (the code behind GET /search,
/// without HTTP) beside a plain ILIKE scan of each, and stops the server.
/// </summary>
public static class SearchHarness
{
    /// <summary>Rounds of all queries run before any is timed.</summary>
    const int WarmUpRounds = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var articles = Arg(args, "--articles", 100_000);
        var batch = Arg(args, "--batch", 500);
        var writers = Arg(args, "--writers", 2);
        var textVectors = new TextVectors(Arg(args, "--text-vectors", TextVectors.DefaultCachedEntries));
        var indexing = new IndexingOptions(); // as the indexer's defaults; --bulk-pending-list KB: Indexer:BulkPendingListKb
        indexing.BulkPendingListKb = Arg(args, "--bulk-pending-list", indexing.BulkPendingListKb);
        var runs = Arg(args, "--runs", 50);
        var ilike = Arg(args, "--ilike", 1) != 0; // --ilike 0 skips the (slow) ILIKE comparison scans
        var groundTruth = CorpusArticles.FindGroundTruth();
        if (groundTruth is null)
        {
            Console.WriteLine("SKIPPED: search harness: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found beside the "
                + "repository.");
            return 0;
        }
        // --port P: use a server already running on 127.0.0.1:P (left running, e.g. to look at plans); else a throwaway one.
        var existing = Arg(args, "--port", 0);
        await using var throwaway = existing > 0 ? null
            : await ThrowawayPostgres.StartAsync(Path.Combine(Path.GetTempPath(), "ingestion-search-bench-"
                + Guid.NewGuid().ToString("N")[..8]), log: Console.Out);
        var port = throwaway?.Port ?? existing;
        // Connected as the indexer is (shared/Hosting, services/Indexer/.../appsettings.json): prepared statements, custom plans.
        var builder =
            new NpgsqlDataSourceBuilder($"Host=127.0.0.1;Port={port};Username=postgres;Database=ingestion;SearchPath=indexer,public;Command Timeout=600;Max Auto Prepare=64;Options=-c plan_cache_mode=force_custom_plan");
        TsVectorBytesResolverFactory.AddTo(builder); // as the indexer's Program.cs does
        await using var dataSource = builder.Build();
        await new SchemaMigrator(dataSource, "indexer", NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync([typeof(ArticleIndex).Assembly], CancellationToken.None);
        if (Arg(args, "--load", 1) != 0)
        {
            // Enriched only to be loaded: with --load 0 the enricher's code, run here for nothing, went on being
            // compiled to its optimised tier in the background while the queries were timed (CPU counted per search).
            var corpus = CorpusArticles.Load(groundTruth);
            Console.WriteLine($"corpus: {corpus.BaseCount} ground-truth texts from {groundTruth}");
            await JitQuietAsync();
            await LoadAsync(dataSource, new ArticleIndex(dataSource, textVectors, indexing), textVectors, corpus, articles, batch, writers,
                indexing);
        }
        await ReportSizesAsync(dataSource);
        var onlyAt = Array.IndexOf(args, "--only"); // --only TEXT: only the queries whose name contains TEXT
        await MeasureQueriesAsync(dataSource, runs, ilike, onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null);
        return 0;
    }

    /// <summary>
    /// Waits until the JIT has compiled nothing for a second (at most 60 s): the enricher's code, run above to generate the
    /// articles, is recompiled to its optimised tier in the background, and that CPU is not the indexer's.
    /// </summary>
    static async Task JitQuietAsync()
    {
        var waited = Stopwatch.StartNew();
        var (methods, time) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1000);
            var now = JitInfo.GetCompiledMethodCount();
            if (now == methods) break;
            methods = now;
        }
        Console.WriteLine($"JIT: waited {waited.Elapsed.TotalSeconds:N1} s ({(JitInfo.GetCompilationTime() - time).TotalSeconds:N1} s compiling) for the generator's code to settle");
    }

    static async Task LoadAsync(NpgsqlDataSource dataSource, ArticleIndex index, TextVectors textVectors, CorpusArticles corpus, int count,
        int batchSize,
        int writers, IndexingOptions indexing)
    {
        var wall = Stopwatch.StartNew();
        var next = -batchSize;
        var loaded = 0;
        var warm = count / 5; // the first fifth warms the process up: compiling code, learning words (TextVectors)
        long warmTicks = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = await ServerCpu.ReadAsync(dataSource);
        var machine = MachineCpu.Read();
        var (jitTime, jitMethods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
        // Each writer takes the next batch, generates it and writes it through the indexer's own write path.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var start = Interlocked.Add(ref next, batchSize); start < count; start = Interlocked.Add(ref next, batchSize))
            {
                var messages = Enumerable.Range(start, Math.Min(batchSize, count - start)).Select(corpus.Article).ToArray();
                await index.IndexBatchAsync(messages, CancellationToken.None);
                var done = Interlocked.Add(ref loaded, messages.Length);
                if (done >= warm && done - messages.Length < warm)
                    Interlocked.Exchange(ref warmTicks, wall.Elapsed.Ticks);
                if (done % (batchSize * 40) < messages.Length)
                    Console.WriteLine($"  loaded {done:N0} ({done / wall.Elapsed.TotalSeconds:N0}/s)");
            }
        })));
        var loading = wall.Elapsed;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var serverUsed = await ServerCpu.ReadAsync(dataSource) - serverCpu;
        var machineUsed = machine is null ? null : MachineCpu.Read()?.Since(machine);
        (jitTime, jitMethods) = (JitInfo.GetCompilationTime() - jitTime, JitInfo.GetCompiledMethodCount() - jitMethods);
        await using (var conn = await dataSource.OpenConnectionAsync())
            foreach (var table in new[] { "articles", "revisions" })
                await conn.ExecuteAsync($"vacuum analyze {table}", commandTimeout: 1200);
        var total = wall.Elapsed;
        Console.WriteLine();
        Console.WriteLine($"indexing: {count:N0} articles in batches of {batchSize}, {writers} writers (ArticleIndex.IndexBatchAsync), text vectors built {(textVectors.Enabled ? "here (TextVectors)" : "by PostgreSQL")}, " +
                          (GCSettings.IsServerGC ? "server GC (as the indexer runs)"
                              : "workstation GC (the indexer runs server GC: DOTNET_gcServer=1 measures it so)") +
                          (WriteSettings.For(batchSize, indexing.BulkBatch, indexing.BulkPendingListKb) is not null
                              ? $", GIN pending lists up to {indexing.BulkPendingListKb / 1024.0:N0} MB (Indexer:BulkPendingListKb)"
                              : ", the server's GIN pending-list limit"));
        Console.WriteLine($"  load            : {count / loading.TotalSeconds,8:N0} articles/s ({loading.TotalSeconds:N1} s wall)");
        var warmed = loading - TimeSpan.FromTicks(warmTicks);
        Console.WriteLine($"  once warm       : {(count - warm) / warmed.TotalSeconds,8:N0} articles/s (after the first {warm:N0}: {warmed.TotalSeconds:N1} s)");
        if (serverUsed is { } server)
            Console.WriteLine($"  per CPU-second  : {count / server.TotalSeconds,8:N0} articles per PostgreSQL CPU-second ({server.TotalSeconds:N1} s); " +
                              $"{count / (server + clientCpu).TotalSeconds:N0} with this process (generating and sending them, {clientCpu.TotalSeconds:N1} s)");
        Console.WriteLine($"  JIT             : {jitTime.TotalSeconds:N1} s compiling {jitMethods:N0} methods during the load (in this process's CPU)");
        if (machineUsed is not null)
            Console.WriteLine($"  machine         : {machineUsed} (all cores, during the load)");
        Console.WriteLine($"  + vacuum analyze: {count / total.TotalSeconds,8:N0} articles/s ({total.TotalSeconds:N1} s, vacuum {(total - loading).TotalSeconds:N1} s)");
    }

    static async Task ReportSizesAsync(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        var rows = await conn.QueryAsync<(string Name, long Bytes)>("""
            select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'indexer' and c.relkind in ('r', 'i') order by 2 desc
            """);
        Console.WriteLine();
        Console.WriteLine("sizes (pg_total_relation_size; a table's figure includes its indexes and TOAST):");
        foreach (var (name, bytes) in rows.Where(r => r.Bytes > 64 * 1024))
            Console.WriteLine($"  {name,-32} {bytes / 1048576.0,9:N1} MB");
    }

    static async Task MeasureQueriesAsync(NpgsqlDataSource dataSource, int runs, bool withIlike, string? only)
    {
        string Top(string type)
        {
            using var conn = dataSource.OpenConnection();
            return conn.ExecuteScalar<string>("""
                select substr(tag, 5) from articles, unnest(entity_tags) tag
                where tag like @prefix and length(tag) > 8 group by tag order by count(*) desc limit 1
                """, new { prefix = type + ":%" }) ?? "none";
        }
        var queries = SearchWorkload.Queries(Top("PER"), Top("ORG"), Top("LOC")).Where(q => only is null || q.Name.Contains(only)).ToList();
        var search = new SearchQueries(dataSource);
        var all = new List<double>();
        var cpu = new List<double>();
        var serverCpu = new List<double>();
        Console.WriteLine();
        Console.WriteLine($"latency over {runs} runs each (SearchQueries.SearchAsync = GET /search without HTTP; limit 20), ms:");
        Console.WriteLine($"  {"query",-44} {"hits",7} {"p50",7} {"p95",7} {"p99",7} {"cpu",7} {"pg",6} {"alloc",7} {"ILIKE",8}");
        var requests = queries.Select(bq =>
        {
            var (request, error) = SearchRequest.Parse(bq.Q, null, bq.Source, bq.From, bq.To, null, bq.Entity, bq.EntityType, null,
                bq.Facets ? "true" : null);
            return request ?? throw new InvalidOperationException($"{bq.Name}: {error}");
        }).ToList();
        // Every query WarmUpRounds times before any is timed, then a pause: the search code is compiled to its optimised
        // tier in the background (after 30 calls and 100 ms without new methods to compile) during these, as in a service
        // that has been running, not during the first queries' timed runs. Three rounds without the pause left the first
        // query timed ("word: climate") at p95 37 ms and p99 104 ms in one run, against 17 ms in the next.
        for (var round = 0; round < WarmUpRounds; round++)
            foreach (var request in requests)
                await search.SearchAsync(request, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var (bq, request) in queries.Zip(requests))
        {
            SearchResult? result = null;
            for (var i = 0; i < 3; i++) result = await search.SearchAsync(request, CancellationToken.None);
            var times = new List<double>();
            var (server0, client0) = (await ServerCpu.ReadAsync(dataSource), Process.GetCurrentProcess().TotalProcessorTime);
            var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await search.SearchAsync(request, CancellationToken.None);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated0) / 1024.0 / runs;
            var serverMs = (await ServerCpu.ReadAsync(dataSource) - server0)?.TotalMilliseconds ?? double.NaN;
            var cpuMs = serverMs + (Process.GetCurrentProcess().TotalProcessorTime - client0).TotalMilliseconds;
            cpu.Add(cpuMs / runs);
            serverCpu.Add(serverMs / runs);
            all.AddRange(times);
            var ilike = withIlike ? await IlikeAsync(dataSource, bq) : double.NaN;
            Console.WriteLine($"  {Cut(bq.Name, 44),-44} {result!.Total,7} {P(times, 50),7:N1} {P(times, 95),7:N1} {P(times, 99),7:N1} {cpuMs / runs,7:N1} {serverMs / runs,6:N1} {allocatedKb,7:N0} {ilike,8:N0}");
        }
        Console.WriteLine($"  {"ALL " + all.Count + " searches",-44} {"",7} {P(all, 50),7:N1} {P(all, 95),7:N1} {P(all, 99),7:N1} {cpu.Average(),7:N1} {serverCpu.Average(),6:N1}");
        Console.WriteLine("  (cpu: CPU milliseconds per search, PostgreSQL's processes and this one together: what latency would be on an "
            + "idle machine; pg: PostgreSQL's part; alloc: KB this process allocated per search)");
        Console.WriteLine("  (ILIKE: one run of the same filter as a plain scan over title and body, newest 20; no ranking, no stemming)");
    }

    static async Task<double> IlikeAsync(NpgsqlDataSource dataSource, BenchQuery q)
    {
        var where = q.Ilike ?? "true";
        await using var conn = await dataSource.OpenConnectionAsync();
        var sw = Stopwatch.StartNew();
        await conn.QueryAsync<string>($"select a.article_id from articles a where {where} order by a.published desc nulls last limit 20",
            commandTimeout: 600);
        return sw.Elapsed.TotalMilliseconds;
    }

    static double P(List<double> xs, int p)
    {
        var s = xs.Order().ToList();
        return s[Math.Clamp((int)Math.Ceiling(p / 100.0 * s.Count) - 1, 0, s.Count - 1)];
    }

    static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
