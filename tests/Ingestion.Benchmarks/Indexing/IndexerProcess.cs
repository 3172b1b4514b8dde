using System.Diagnostics;

namespace Ingestion.Benchmarks.Indexing;

/// <summary>
/// The indexer's built service run as its own process (<c>dotnet Ingestion.Indexer.dll</c>, configured through environment
/// variables), ready when GET /health/ready answers (the database is reachable and the bus has started: its queue exists
/// and is bound); stopped with SIGTERM, so it finishes what it holds as in a deployment. Its output is read (a full pipe
/// would stall it) and its last lines kept for when something fails.
/// </summary>
public sealed class IndexerProcess(string dll, IReadOnlyDictionary<string, string> environment, string baseUrl) : IDisposable
{
    const int KeptLines = 40;
    readonly Queue<string> lastLines = new();
    Process? process;

    public int Pid => process?.Id ?? throw new InvalidOperationException("not started");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the process and returns at once (see <see cref="WaitReadyAsync"/>).</summary>
    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException("already running");
        process?.Dispose();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // appsettings.json is read from the content root
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is null || process.HasExited)
                throw new InvalidOperationException($"the indexer exited ({process?.ExitCode}) while starting:\n{LastLines}");
            try
            {
                using var response = await http.GetAsync(baseUrl + "/health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"the indexer was not ready within {timeout.TotalSeconds:N0} s:\n{LastLines}");
    }

    /// <summary>The body of GET /status (the index's counts), or null when it does not answer.</summary>
    public async Task<string?> StatusAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try { return await http.GetStringAsync(baseUrl + "/status", ct); }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>SIGTERM (the host's graceful stop), then waits; kills it only if it has not exited after <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process is not { HasExited: false } p) return;
        using (var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        try { await p.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"indexer: still running {timeout.TotalSeconds:N0} s after SIGTERM; killed");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>The last lines the process wrote (stdout and stderr).</summary>
    public string LastLines { get { lock (lastLines) return string.Join('\n', lastLines); } }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines) lastLines.Dequeue();
        }
    }

    public void Dispose()
    {
        if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
        process?.Dispose();
    }
}
