using System.Diagnostics;
using System.Globalization;

namespace Ingestion.TestSupport;

/// <summary>
/// One service run as its own process (<c>dotnet Ingestion.X.dll</c>, configured through environment variables, listening
/// on <see cref="BaseUrl"/>), ready when GET /health/ready answers (its database is reachable and its bus has started).
/// It can be killed (kill -9), stopped gracefully (SIGTERM: it finishes what it holds, as in a deployment) and started
/// again; <see cref="Pid"/> is there for CPU and memory readings (<see cref="ProcessCpu"/>, <see cref="ProcessMemory"/>).
/// Its output is read all along (a full pipe would stall it) and its last lines kept, across restarts, for reports.
/// </summary>
public sealed class ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string baseUrl)
    : IAsyncDisposable
{
    readonly Queue<string> lines = new();
    Process? process;

    /// <summary>A service of this repository (<see cref="RepoPaths.ServiceDll"/>, built in the running assembly's configuration).</summary>
    public static ServiceProcess For(string service, IReadOnlyDictionary<string, string> environment, string baseUrl) =>
        new(service, RepoPaths.ServiceDll(service), environment, baseUrl);

    /// <summary>Lines of output kept (the oldest are dropped).</summary>
    public int KeptLines { get; init; } = 20_000;

    public string Name => name;
    public string BaseUrl => baseUrl;
    public bool IsRunning => process is { HasExited: false };

    /// <summary>The running process's id (also after it exited, until the next start).</summary>
    public int Pid => process?.Id ?? throw new InvalidOperationException($"{name} was not started");

    /// <summary>How often it was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the process and returns at once (<see cref="WaitReadyAsync"/> waits for it).</summary>
    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException($"{name} is already running");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: build it first (./test.sh builds the solution).");
        process?.Dispose();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // appsettings.json is read from the content root
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment["Urls"] = baseUrl;
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => Keep($"[{name}] ", e.Data);
        p.ErrorDataReceived += (_, e) => Keep($"[{name}!] ", e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        process = p;
        Starts++;
    }

    /// <summary>Starts it and waits until it is ready.</summary>
    public async Task StartAsync(TimeSpan? readyTimeout = null, CancellationToken ct = default)
    {
        Start();
        await WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(90), ct);
    }

    /// <summary>Polls GET /health/ready until it answers 2xx; throws with the output when the process exits or time runs out.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is not { HasExited: false })
                throw new InvalidOperationException($"{name} exited ({process?.ExitCode}) while starting:\n{Output}");
            try
            {
                using var response = await http.GetAsync(baseUrl + "/health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:N0} s:\n{Output}");
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    /// <summary>
    /// SIGTERM (the host's graceful stop), then waits; kills it if it has not exited after <paramref name="timeout"/>.
    /// True when it exited by itself.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout)
    {
        if (process is not { HasExited: false } p) return true;
        using (var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            Keep("", $"[{name}] still running {timeout.TotalSeconds:N0} s after SIGTERM; killed");
            Kill();
            return false;
        }
    }

    /// <summary>kill -9 if it runs, then starts it again (same environment and URL) and waits until it is ready.</summary>
    public async Task RestartAsync(TimeSpan? readyTimeout = null, CancellationToken ct = default)
    {
        Kill();
        await StartAsync(readyTimeout, ct);
    }

    /// <summary>The body of GET <paramref name="path"/> (e.g. "/status"), or null when it does not answer.</summary>
    public async Task<string?> TryGetAsync(string path, CancellationToken ct = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try { return await http.GetStringAsync(baseUrl + path, ct); }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>The HTTP status of GET <paramref name="path"/> (e.g. "/health/ready"), or null when it does not answer.</summary>
    public async Task<int?> StatusOfAsync(string path, CancellationToken ct = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try { using var response = await http.GetAsync(baseUrl + path, ct); return (int)response.StatusCode; }
        catch (HttpRequestException) { return null; }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested) { return null; }
    }

    /// <summary>The lines kept (stdout as "[Name] ...", stderr as "[Name!] ...").</summary>
    public string Output { get { lock (lines) return string.Join('\n', lines); } }

    /// <summary>The last <paramref name="count"/> lines kept.</summary>
    public string LastLines(int count = 40)
    {
        lock (lines) return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));
    }

    void Keep(string prefix, string? line)
    {
        if (line is null) return;
        lock (lines)
        {
            lines.Enqueue(prefix + line);
            while (lines.Count > KeptLines) lines.Dequeue();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
