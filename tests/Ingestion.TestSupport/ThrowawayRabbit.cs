using System.Globalization;

namespace Ingestion.TestSupport;

/// <summary>
/// A RabbitMQ node of its own (deploy/local/rabbitmq.sh start DIR AMQP_PORT MGMT_PORT) on free 127.0.0.1 ports, user
/// guest/guest, with the management plugin. It can be stopped (rabbitmqctl stop) or killed (kill -9 of its Erlang VM)
/// and started again on the same ports, node name and data (DIR/mnesia: durable queues and persistent messages
/// survive). Stopped and deleted on dispose. Given a node name and an Erlang cookie it can be one node of a
/// <see cref="ThrowawayRabbitCluster"/>.
/// </summary>
public sealed class ThrowawayRabbit : IAsyncDisposable
{
    readonly TextWriter? log;

    ThrowawayRabbit(string dir, TextWriter? log, string? nodeName) =>
        (Dir, this.log, NodeName) = (dir, log, nodeName ?? $"ingestion-{AmqpPort.ToString(CultureInfo.InvariantCulture)}@localhost");

    public string Dir { get; }
    /// <summary>The Erlang node name (<c>name@localhost</c>).</summary>
    public string NodeName { get; }
    public string Host => "127.0.0.1";
    public int AmqpPort { get; } = FreePort.Next();
    public int ManagementPort { get; } = FreePort.Next();

    /// <summary>Starts a node in <paramref name="dir"/> (default: a new folder under the temp folder); the script's output goes to
    /// <paramref name="log"/>. <paramref name="nodeName"/> (default <c>ingestion-AMQP_PORT@localhost</c>) and
    /// <paramref name="cookie"/> (default: one of its own) are what nodes of one cluster need.</summary>
    public static async Task<ThrowawayRabbit> StartAsync(string? dir = null, TextWriter? log = null, string? nodeName = null,
        string? cookie = null)
    {
        var rabbit = new ThrowawayRabbit(dir ?? ThrowawayPostgres.TempDir("rabbitmq"), log, nodeName);
        if (cookie is not null)
        {
            var home = Directory.CreateDirectory(Path.Combine(rabbit.Dir, "home")).FullName;
            var file = Path.Combine(home, ".erlang.cookie");
            await File.WriteAllTextAsync(file, cookie);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }
        await rabbit.StartAgainAsync();
        return rabbit;
    }

    /// <summary>rabbitmqctl -n NODE <paramref name="args"/> with the node's environment (its cookie); returns the output.</summary>
    public Task<string> CtlAsync(params string[] args) => Shell.DeployScriptAsync("rabbitmq.sh", null, ["ctl", Dir, .. args]);

    /// <summary>The management HTTP API of this node (the caller disposes it).</summary>
    public RabbitManagement Management() => new(Host, ManagementPort);

    /// <summary>The node's Erlang VM (beam.smp, DIR/rabbitmq.pid written by the node), or null when it is not running.</summary>
    public int? NodePid => ReadPid("rabbitmq.pid") is { } pid && ProcessTree.IsAlive(pid) ? pid : null;

    public bool IsRunning => NodePid is not null;

    /// <summary>rabbitmqctl stop (the node closes its connections and writes its queues); fine when it is not running.</summary>
    public Task StopAsync() => Shell.DeployScriptAsync("rabbitmq.sh", log, "stop", Dir);

    /// <summary>
    /// kill -9 of the node: its launcher (DIR/launcher.pid: bash, then rabbitmq-server), the Erlang VM and its helpers.
    /// Persistent messages the broker had confirmed survive, the rest may not.
    /// </summary>
    public async Task Kill9Async()
    {
        foreach (var pidFile in new[] { "launcher.pid", "rabbitmq.pid" })
            if (ReadPid(pidFile) is { } pid && ProcessTree.IsAlive(pid))
                await ProcessTree.Kill9Async(pid, TimeSpan.FromSeconds(30));
    }

    int? ReadPid(string file)
    {
        try { return int.TryParse(File.ReadAllText(Path.Combine(Dir, file)).Trim(), out var pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    /// <summary>Starts the node (again) on the same ports, name and data, and waits until AMQP and the management API answer.</summary>
    public Task StartAgainAsync() => Shell.DeployScriptAsync("rabbitmq.sh", log, "start", Dir,
        AmqpPort.ToString(CultureInfo.InvariantCulture), ManagementPort.ToString(CultureInfo.InvariantCulture), NodeName);

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        finally
        {
            try { Directory.Delete(Dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
