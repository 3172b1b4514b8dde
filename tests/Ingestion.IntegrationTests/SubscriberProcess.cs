using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ingestion.IntegrationTests.Infrastructure;

namespace Ingestion.IntegrationTests;

/// <summary>samples/Ingestion.SampleSubscriber running as its own process, appending each ArticleIndexed as a JSON line to a
/// file.</summary>
public sealed class SubscriberProcess(string rabbitUri, string queue, string outFile) : IAsyncDisposable
{
    readonly StringBuilder output = new();
    Process? process;

    public static string Dll =>
        Path.Combine(RepoPaths.Root, "samples", "Ingestion.SampleSubscriber", "bin", RepoPaths.Configuration, "net10.0",
        "Ingestion.SampleSubscriber.dll");

    public string Output { get { lock (output) return output.ToString(); } }

    public async Task StartAsync()
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"{Dll} is missing: build the solution first.");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Dll);
        psi.Environment["SUBSCRIBER_RABBITMQ"] = rabbitUri;
        psi.Environment["SUBSCRIBER_QUEUE"] = queue;
        psi.Environment["SUBSCRIBER_OUT"] = outFile;
        var listening = new TaskCompletionSource();
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine("[subscriber] " + e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine("[subscriber!] " + e.Data);
            if (e.Data.StartsWith("listening", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != listening.Task) throw new InvalidOperationException("the subscriber did not start listening:\n" + Output);
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (process is { HasExited: false }) { process.Kill(entireProcessTree: true); process.WaitForExit(10_000); }
    }

    /// <summary>Every event written so far (a line cut short by a kill is ignored).</summary>
    public List<JsonElement> Events()
    {
        if (!File.Exists(outFile)) return [];
        using var stream = new FileStream(outFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var events = new List<JsonElement>();
        while (reader.ReadLine() is { } line)
        {
            try { events.Add(JsonSerializer.Deserialize<JsonElement>(line)); }
            catch (JsonException) { }
        }
        return events;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
