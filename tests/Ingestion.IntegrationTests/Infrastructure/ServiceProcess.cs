using System.Diagnostics;
using System.Text;

namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>One service running as its own process (dotnet Ingestion.X.dll), its output kept for the test's report.</summary>
public sealed class ServiceProcess(string service, IReadOnlyDictionary<string, string> environment, string baseUrl) : IAsyncDisposable
{
    readonly StringBuilder output = new();
    Process? process;

    public string Service => service;
    public string BaseUrl => baseUrl;
    public bool IsRunning => process is { HasExited: false };

    public async Task StartAsync(TimeSpan? readyTimeout = null)
    {
        var dll = RepoPaths.ServiceDll(service);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is missing: build the solution first (./test.sh does).");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        psi.Environment["Urls"] = baseUrl;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine($"[{service}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine($"[{service}!] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(90));
    }

    async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"{service} exited with {process.ExitCode} while starting:\n{Output}");
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{service} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public string Output { get { lock (output) return output.ToString(); } }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
