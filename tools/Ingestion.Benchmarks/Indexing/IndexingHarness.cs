using System.Globalization;
using System.Runtime.InteropServices;
using Ingestion.Benchmarks.Search;
using Npgsql;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// <c>dotnet run -c Release --project tools/Ingestion.Benchmarks -- harness indexing [--articles 20000] [--env Name=Value ...]</c>:
/// how fast the real indexer service drains a backlog of <c>ArticleEnriched</c> messages (the production path: MassTransit
/// consume, indexing into PostgreSQL, publishing <c>ArticleIndexed</c>), where the search harness calls
/// <c>ArticleIndex.IndexBatchAsync</c> in-process. Starts a throwaway PostgreSQL (deploy/local/postgres.sh --ephemeral) and
/// RabbitMQ (deploy/local/rabbitmq.sh) on free 127.0.0.1 ports; runs the indexer's Release build (it builds nothing:
/// <c>dotnet build -c Release services/Indexer/Ingestion.Indexer</c> first) as <c>dotnet Ingestion.Indexer.dll</c> with
/// <c>DOTNET_gcServer=1</c> and every <c>--env</c> setting (e.g. <c>--env Indexer__MaxBatch=1</c>) until it is ready (schema
/// migrated, queue <c>indexer</c> bound), stops it (SIGTERM), publishes N generated articles (<see cref="CorpusArticles"/>)
/// into its queue, starts it again and waits until <c>indexer.revisions</c> holds all N. Reports articles/s over the drain
/// (N / (last − first <c>indexed_at</c>); a batch is stamped when it begins, so the last batch's own time is not in it),
/// the wall time from process start, CPU milliseconds per article of the indexer, PostgreSQL and the RabbitMQ node, how busy
/// the machine was, and the <c>indexer_error</c> queue (must stay empty). Stops everything, also on Ctrl+C.
/// </summary>
public static class IndexingHarness
{
    const string Queue = "indexer";

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, "--articles", 20_000);
        if (count < 1)
        {
            Console.Error.WriteLine("--articles takes a number above 0");
            return 2;
        }
        if (EnvSettings(args) is not { } settings) return 2;
        var groundTruth = CorpusArticles.FindGroundTruth();
        if (groundTruth is null)
        {
            Console.WriteLine("SKIPPED: indexing harness: ../shared/corpus/extraction/scrapinghub/ground-truth.json not found beside the "
                + "repository.");
            return 0;
        }
        var dll = RepoPaths.ServiceDll("Indexer", "Release");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"{dll} not found: build it first: dotnet build -c Release services/Indexer/Ingestion.Indexer");
            return 1;
        }

        using var stop = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var ct = stop.Token;
        var dir = Path.Combine(Path.GetTempPath(), "ingestion-indexing-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var postgres = ThrowawayPostgres.StartAsync(Path.Combine(dir, "postgres"), log: Console.Out);
        var rabbitStart = ThrowawayRabbit.StartAsync(Path.Combine(dir, "rabbitmq"), Console.Out);
        ServiceProcess? indexer = null;
        try
        {
            await Task.WhenAll(postgres, rabbitStart);
            var rabbit = await rabbitStart;
            using var management = rabbit.Management();
            var corpus = CorpusArticles.Load(groundTruth);
            Console.WriteLine($"corpus: {corpus.BaseCount} ground-truth texts from {groundTruth}");

            var connectionString = $"Host=127.0.0.1;Port={(await postgres).Port};Username=postgres;Database=ingestion";
            var url = $"http://127.0.0.1:{FreePort.Next()}";
            var environment = new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = connectionString,
                ["RabbitMq__Host"] = "127.0.0.1",
                ["RabbitMq__Port"] = rabbit.AmqpPort.ToString(CultureInfo.InvariantCulture),
                ["RabbitMq__VirtualHost"] = "/",
                ["RabbitMq__Username"] = "guest",
                ["RabbitMq__Password"] = "guest",
                ["Urls"] = url,
                ["DOTNET_gcServer"] = "1",
            };
            foreach (var (name, value) in settings) environment[name] = value;
            indexer = new ServiceProcess("indexer", dll, environment, url);

            // 1. The first start migrates the schema and declares the queue and its bindings; then the indexer is stopped.
            var startedAt = DateTime.UtcNow;
            indexer.Start();
            await indexer.WaitReadyAsync(TimeSpan.FromSeconds(120), ct);
            Console.WriteLine($"indexer: ready in {(DateTime.UtcNow - startedAt).TotalSeconds:N1} s ({dll}); stopping it (SIGTERM)");
            await indexer.TerminateAsync(TimeSpan.FromSeconds(60));

            // 2. The backlog.
            var publishing = await BacklogPublisher.PublishAsync(rabbit.AmqpPort, corpus, count, ct);
            Console.WriteLine($"published {count:N0} in {publishing.TotalSeconds:N1} s ({count / publishing.TotalSeconds:N0}/s)");
            var queued = await management.WaitForMessagesAsync("/", Queue, count, TimeSpan.FromSeconds(60), ct);
            if (queued != count)
            {
                Console.WriteLine($"FAILED: queue '{Queue}' holds {queued:N0} messages, not {count:N0} (management API, GET /api/queues/%2F/{Queue})");
                return 1;
            }
            Console.WriteLine($"queue '{Queue}': {queued:N0} messages; starting the indexer");

            // 3. The drain.
            await using var db = NpgsqlDataSource.Create(connectionString);
            var drain = await IndexerDrain.MeasureAsync(indexer, db, rabbit, count, ct);
            if (drain is null) return 1;
            var left = await management.WaitForMessagesAsync("/", Queue, 0, TimeSpan.FromSeconds(30), ct);
            var errors = await management.MessageCountAsync("/", Queue + "_error", ct);
            var status = await indexer.TryGetAsync("/status", ct);
            Report(count, settings, publishing, drain, left, errors, status);
            return errors > 0 ? 1 : 0;
        }
        catch (Exception) when (stop.IsCancellationRequested) // Ctrl+C in a terminal stops the indexer too: whatever failed then
        {
            Console.WriteLine("interrupted: stopping the indexer, RabbitMQ and PostgreSQL");
            return 130;
        }
        finally
        {
            if (indexer is not null)
            {
                try { await indexer.TerminateAsync(TimeSpan.FromSeconds(30)); }
                catch (Exception e) { Console.WriteLine("stopping the indexer failed: " + e.Message); }
                await indexer.DisposeAsync();
            }
            try { if (rabbitStart.IsCompletedSuccessfully) await rabbitStart.Result.DisposeAsync(); }
            catch (Exception e) { Console.WriteLine("stopping RabbitMQ failed: " + e.Message); }
            try { if (postgres.IsCompletedSuccessfully) await postgres.Result.DisposeAsync(); }
            catch (Exception e) { Console.WriteLine("stopping PostgreSQL failed: " + e.Message); }
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Every <c>--env Name=Value</c>, in order; null (after saying why) when one is malformed.</summary>
    static List<(string Name, string Value)>? EnvSettings(string[] args)
    {
        var settings = new List<(string, string)>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != "--env") continue;
            var setting = i + 1 < args.Length ? args[++i] : "";
            var eq = setting.IndexOf('=');
            if (eq <= 0)
            {
                Console.Error.WriteLine($"--env takes Name=Value (e.g. --env Indexer__MaxBatch=1), got '{setting}'");
                return null;
            }
            settings.Add((setting[..eq], setting[(eq + 1)..]));
        }
        return settings;
    }

    static void Report(int count, List<(string Name, string Value)> settings, TimeSpan publishing,
        IndexerDrain drain, long left, long errors, string? status)
    {
        static string PerArticle(TimeSpan? cpu, int n) =>
            cpu is { } t ? $"{t.TotalMilliseconds / n,8:N2} ms per article ({t.TotalSeconds:N1} s)" : "     n/a (no /proc)";
        Console.WriteLine();
        Console.WriteLine($"indexing: {count:N0} ArticleEnriched messages drained from RabbitMQ by the indexer service (dotnet Ingestion.Indexer.dll, DOTNET_gcServer=1)");
        Console.WriteLine($"  --env           : {(settings.Count == 0 ? "none (the indexer's own defaults)" : string.Join(' ', settings.Select(s => s.Name + "=" + s.Value)))}");
        Console.WriteLine($"  publish         : {count / publishing.TotalSeconds,8:N0} messages/s ({publishing.TotalSeconds:N1} s, generating included; confirmed, persistent)");
        Console.WriteLine(drain.IndexedSpan > TimeSpan.Zero
            ? $"  drain           : {count / drain.IndexedSpan.TotalSeconds,8:N0} articles/s ({drain.IndexedSpan.TotalSeconds:N1} s from the first to the last indexed_at)"
            : "  drain           :      n/a (all in one batch: first and last indexed_at are the same)");
        Console.WriteLine($"  wall            : {drain.Wall.TotalSeconds,8:N1} s from process start until all were indexed (polled every 0.5 s; the first batch began at {drain.FirstBatchAfter.TotalSeconds:N1} s)");
        Console.WriteLine($"  indexer CPU     : {PerArticle(drain.IndexerCpu, count)}");
        Console.WriteLine($"  PostgreSQL CPU  : {PerArticle(drain.PostgresCpu, count)}");
        Console.WriteLine($"  RabbitMQ CPU    : {PerArticle(drain.RabbitCpu, count)}");
        if (drain.Machine is not null)
            Console.WriteLine($"  machine         : {drain.Machine} (all cores, during the drain)");
        // The indexer's own counts, with its write batches ("writes").
        if (status is not null)
            Console.WriteLine($"  GET /status     : {status}");
        Console.WriteLine($"  queue {Queue,-10}: {left,8:N0} messages left");
        Console.WriteLine($"  {Queue + "_error",-16}: {Math.Max(0, errors),8:N0} messages (must be 0){(errors < 0 ? "; the queue does not exist" : "")}");
    }
}
