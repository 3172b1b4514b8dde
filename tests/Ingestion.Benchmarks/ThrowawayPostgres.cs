using System.Globalization;
using static Ingestion.Benchmarks.HarnessTools;

namespace Ingestion.Benchmarks;

/// <summary>
/// A PostgreSQL server for one harness run: deploy/local/postgres.sh --ephemeral on a free 127.0.0.1 port in a fresh
/// folder, stopped and deleted on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    readonly string script, dir;

    public int Port { get; }

    ThrowawayPostgres(string script, string dir, int port) => (this.script, this.dir, Port) = (script, dir, port);

    public static async Task<ThrowawayPostgres> StartAsync(string repoRoot, string dir)
    {
        var pg = new ThrowawayPostgres(Path.Combine(repoRoot, "deploy", "local", "postgres.sh"), dir, FreePort());
        await Shell(pg.script, "start", dir, pg.Port.ToString(CultureInfo.InvariantCulture), "--ephemeral");
        return pg;
    }

    public async ValueTask DisposeAsync()
    {
        try { await Shell(script, "stop", dir); }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
