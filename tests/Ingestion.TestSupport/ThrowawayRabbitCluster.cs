using System.Globalization;
using System.Security.Cryptography;

namespace Ingestion.TestSupport;

/// <summary>
/// A RabbitMQ cluster of its own: <see cref="ThrowawayRabbit"/> nodes (default three), each on free 127.0.0.1 ports
/// (AMQP, management, Erlang distribution) with its own node name and data folder, one Erlang cookie, nodes 2..n joined
/// to node 1 (<c>rabbitmqctl join_cluster</c>). A node can be killed (kill -9) and started again; it rejoins by itself.
/// Stopped and deleted on dispose.
/// </summary>
public sealed class ThrowawayRabbitCluster : IAsyncDisposable
{
    readonly string dir;

    ThrowawayRabbitCluster(string dir, IReadOnlyList<ThrowawayRabbit> nodes) => (this.dir, Nodes) = (dir, nodes);

    public IReadOnlyList<ThrowawayRabbit> Nodes { get; }
    public string Host => "127.0.0.1";

    /// <summary>Every node's AMQP address, <c>host:port,host:port,...</c> (as <c>RabbitMq__Hosts</c> takes them).</summary>
    public string Hosts => string.Join(',', Nodes.Select(n => $"{n.Host}:{n.AmqpPort.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Starts <paramref name="count"/> nodes at once, then joins nodes 2..n to node 1, one after the other.</summary>
    public static async Task<ThrowawayRabbitCluster> StartAsync(int count = 3, TextWriter? log = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count));
        var dir = ThrowawayPostgres.TempDir("rabbitmq-cluster");
        // A name of its own per cluster: several may run at once on this machine, sharing one epmd.
        var prefix = "ingestion-" + Path.GetFileName(dir)[^8..];
        var cookie = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var starting = Enumerable.Range(1, count).Select(i => ThrowawayRabbit.StartAsync(Path.Combine(dir, $"node{i}"), log,
            $"{prefix}-{i}@localhost", cookie)).ToList();
        try { await Task.WhenAll(starting); }
        catch
        {
            foreach (var node in starting.Where(t => t.IsCompletedSuccessfully)) await node.Result.DisposeAsync();
            throw;
        }
        var cluster = new ThrowawayRabbitCluster(dir, starting.Select(t => t.Result).ToList());
        try
        {
            foreach (var node in cluster.Nodes.Skip(1))
            {
                await node.CtlAsync("stop_app");
                await node.CtlAsync("join_cluster", cluster.Nodes[0].NodeName);
                await node.CtlAsync("start_app");
                log?.WriteLine($"rabbitmq cluster: {node.NodeName} joined {cluster.Nodes[0].NodeName}");
            }
            await cluster.Nodes[0].CtlAsync("await_online_nodes", count.ToString(CultureInfo.InvariantCulture));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The management API of the cluster: through node 1, or the next node up when it is down.</summary>
    public RabbitManagement Management() => new(Host, Nodes.Select(n => n.ManagementPort).ToArray());

    /// <summary>The 0-based index of the node named <paramref name="nodeName"/> (as the management API names it).</summary>
    public int IndexOf(string nodeName) => Nodes.ToList().FindIndex(n => n.NodeName == nodeName);

    /// <summary>kill -9 of one node (0-based); the others go on, quorum queues elect new leaders among them.</summary>
    public Task Kill9Async(int node) => Nodes[node].Kill9Async();

    /// <summary>Starts a node again (same name, ports and data): it rejoins the cluster and catches up its queues.</summary>
    public Task StartAgainAsync(int node) => Nodes[node].StartAgainAsync();

    public async ValueTask DisposeAsync()
    {
        try { await Task.WhenAll(Nodes.Select(async n => await n.DisposeAsync())); }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
