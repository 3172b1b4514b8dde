using System.Diagnostics;

namespace Ingestion.TestSupport;

public static class Shell
{
    /// <summary>Runs a command to completion and returns its output (stdout, then stderr); throws with it when it fails.</summary>
    public static async Task<string> RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>Runs a deploy/local script (postgres.sh, rabbitmq.sh, dashboard.sh) with bash; its output goes to <paramref
    /// name="log"/>.</summary>
    public static async Task<string> DeployScriptAsync(string script, TextWriter? log, params string[] args)
    {
        var output = await RunAsync("bash", [Path.Combine(RepoPaths.Deploy, script), .. args]);
        log?.Write(output);
        return output;
    }
}
