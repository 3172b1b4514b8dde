using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Ingestion.Fetcher.Domain.Http;
using Ingestion.Fetcher.Domain.Polling;

namespace Ingestion.Benchmarks.Feeds;

/// <summary>
/// <c>harness feeds-304 [--feeds N] [--rounds R] [--parallel P]</c>: N feeds (default 1,000) on a local HTTP server on
/// 127.0.0.1 that answers every conditional GET with 304; each round polls every feed once with its ETag through the
/// fetcher's <see cref="PageDownloader"/> (address guard, limits) and computes its next poll with
/// <see cref="PollSchedule"/>, P polls at a time (default 8, like MaxParallelHosts; the per-host delay is not applied, as
/// if each feed had its own host). Prints polls per second (wall) and CPU per poll (process CPU, which includes the tiny
/// local server). Last line: <c>feeds-304: feeds=N polls=P polls_per_s=S cpu_us_per_poll=C</c>.
/// </summary>
public static class UnchangedFeedsHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(string name, int fallback)
        {
            for (var i = 0; i < args.Length - 1; i++)
                if (args[i] == name && int.TryParse(args[i + 1], out var v) && v > 0) return v;
            return fallback;
        }
        var feeds = Arg("--feeds", 1000);
        var rounds = Arg("--rounds", 3);
        var parallel = Arg("--parallel", 8);

        using var server = new NotModifiedServer();
        var limits = new FetchLimits { AllowLoopback = true, Timeout = TimeSpan.FromSeconds(10) };
        using var client = SafeHttpHandlerFactory.CreateClient(limits);
        var downloader = new PageDownloader(client, limits);
        var policy = new PollPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromHours(6), TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        var urls = Enumerable.Range(0, feeds).Select(i => $"http://127.0.0.1:{server.Port}/feeds/{i}.xml").ToArray();
        var unchanged = 0;

        async Task Round()
        {
            await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (url, ct) =>
            {
                var response = await downloader.GetAsync(url, "\"v1\"", null, ct);
                if (response.NotModified)
                {
                    Interlocked.Increment(ref unchanged);
                    _ = PollSchedule.AfterSuccess(policy, [], DateTimeOffset.UtcNow, null, response.FreshFor);
                }
            });
        }

        await Round(); // warm-up: connections, JIT
        unchanged = 0;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++) await Round();
        wall.Stop();
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var polls = feeds * rounds;
        if (unchanged != polls)
        {
            Console.WriteLine($"ERROR: {polls - unchanged} polls did not answer 304");
            return 1;
        }
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci,
            $"{polls} polls of {feeds} unchanged feeds in {wall.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU, {parallel} at a time"));
        Console.WriteLine(string.Create(ci,
            $"feeds-304: feeds={feeds} polls={polls} polls_per_s={polls / wall.Elapsed.TotalSeconds:F0} cpu_us_per_poll={cpuSeconds * 1e6 / polls:F0}"));
        return 0;
    }

    /// <summary>A minimal keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with 304.</summary>
    private sealed class NotModifiedServer : IDisposable
    {
        private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nCache-Control: "
            + "max-age=60\r\nContent-Length: 0\r\n\r\n");
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public NotModifiedServer()
        {
            listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (Exception) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var filled = 0;
                try
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var read = await stream.ReadAsync(buffer.AsMemory(filled), stop.Token);
                        if (read == 0) return;
                        filled += read;
                        int end;
                        while ((end = IndexOfHeaderEnd(buffer, filled)) >= 0)
                        {
                            await stream.WriteAsync(Answer, stop.Token);
                            Buffer.BlockCopy(buffer, end, buffer, 0, filled - end);
                            filled -= end;
                        }
                        if (filled == buffer.Length) return; // request headers too large for this server
                    }
                }
                catch (Exception)
                {
                    // client gone or server stopping
                }
            }
        }

        private static int IndexOfHeaderEnd(byte[] b, int length)
        {
            for (var i = 3; i < length; i++)
                if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') return i + 1;
            return -1;
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
        }
    }
}
