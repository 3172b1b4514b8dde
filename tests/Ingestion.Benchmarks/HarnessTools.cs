using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ingestion.Benchmarks;

/// <summary>What several harnesses need: a number from the command line, a free local port, a deploy/local script run.</summary>
internal static class HarnessTools
{
    /// <summary>The number after <paramref name="name"/> on the command line, else <paramref name="fallback"/>.</summary>
    public static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a bash script (e.g. deploy/local/postgres.sh), prints its output, throws when it fails.</summary>
    public static async Task Shell(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var (stdout, stderr) = (p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
        var output = await stdout + await stderr;
        await p.WaitForExitAsync();
        Console.Write(output);
        if (p.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(script)} {string.Join(' ', args)} exited with {p.ExitCode}");
    }
}
