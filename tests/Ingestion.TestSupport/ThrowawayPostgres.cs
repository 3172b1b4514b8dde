using System.Globalization;

namespace Ingestion.TestSupport;

/// <summary>
/// A PostgreSQL server of its own (deploy/local/postgres.sh) on a free 127.0.0.1 port in a fresh folder, user postgres
/// without a password, database "ingestion" created. It can be killed (kill -9 of the postmaster and every backend, as
/// a crash) or stopped, and started again on the same port and data: postgres.sh runs initdb only when the folder holds
/// no cluster, so a restart after a kill goes through crash recovery. Stopped and deleted on dispose.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    readonly bool ephemeral;
    readonly TextWriter? log;

    ThrowawayPostgres(string dir, int port, bool ephemeral, TextWriter? log) =>
        (Dir, Port, this.ephemeral, this.log) = (dir, port, ephemeral, log);

    /// <summary>The folder given to postgres.sh.</summary>
    public string Dir { get; }

    public int Port { get; }

    /// <summary>
    /// Starts a server in <paramref name="dir"/> (default: a new folder under the temp folder). <paramref name="ephemeral"/>:
    /// fsync, synchronous_commit and full_page_writes off, fast for tests, but a commit is acknowledged before its WAL is
    /// written, so a <see cref="Kill9Async"/> loses the last few hundred milliseconds of commits: a run that checks what
    /// survives a kill starts it with <c>ephemeral: false</c>. The scripts' output goes to <paramref name="log"/>.
    /// </summary>
    public static async Task<ThrowawayPostgres> StartAsync(string? dir = null, bool ephemeral = true, TextWriter? log = null)
    {
        var pg = new ThrowawayPostgres(dir ?? TempDir("postgres"), FreePort.Next(), ephemeral, log);
        await pg.RunStartAsync();
        return pg;
    }

    /// <summary>A connection string of the superuser to <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "ingestion") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    /// <summary>The folder that holds data/ (Dir, or the /tmp folder postgres.sh used when the postgres user cannot reach Dir).</summary>
    string RealDir => File.Exists(Path.Combine(Dir, "datadir-location")) ? File.ReadAllText(Path.Combine(Dir, "datadir-location")).Trim()
        : Dir;

    string PidFile => Path.Combine(RealDir, "data", "postmaster.pid");

    /// <summary>The postmaster's pid (line 1 of postmaster.pid) while it runs, else null.</summary>
    public int? PostmasterPid
    {
        get
        {
            try
            {
                return int.TryParse(File.ReadLines(PidFile).FirstOrDefault(), out var pid) && ProcessTree.IsAlive(pid) ? pid : null;
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }
    }

    public bool IsRunning => PostmasterPid is not null;

    /// <summary>kill -9 of the postmaster and all its processes at once: nothing is flushed or shut down.</summary>
    public async Task Kill9Async()
    {
        if (PostmasterPid is not { } pid) return;
        if (await ProcessTree.Kill9Async(pid, TimeSpan.FromSeconds(30))) return;
        // Nothing reaped the postmaster (an init that does not): its zombie's pid still answers kill(pid, 0), and postgres
        // would take its lock files for a live server's. A rebooted machine has no such pid; remove them.
        foreach (var lockFile in new[] { PidFile, Path.Combine(RealDir, $".s.PGSQL.{Port.ToString(CultureInfo.InvariantCulture)}.lock") })
            File.Delete(lockFile);
    }

    /// <summary>A fast shutdown (pg_ctl stop -m fast); fine when it is not running.</summary>
    public Task StopAsync() => Shell.DeployScriptAsync("postgres.sh", log, "stop", Dir);

    /// <summary>Starts it again on the same port and data (after <see cref="Kill9Async"/> or <see cref="StopAsync"/>); stops it first if it
    /// runs.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning) await StopAsync();
        await RunStartAsync();
    }

    Task RunStartAsync() => Shell.DeployScriptAsync("postgres.sh", log,
        ["start", Dir, Port.ToString(CultureInfo.InvariantCulture), .. ephemeral ? new[] { "--ephemeral" } : []]);

    public async ValueTask DisposeAsync()
    {
        var real = RealDir;
        try { await StopAsync(); }
        finally
        {
            foreach (var d in new[] { Dir, real }.Distinct())
                try { Directory.Delete(d, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    internal static string TempDir(string what) =>
        Path.Combine(Path.GetTempPath(), $"ingestion-{what}-{Guid.NewGuid().ToString("N")[..8]}");
}
