using System.Diagnostics;
using System.Reflection;
using Ingestion.TestSupport;
using k8s;
using k8s.Models;

namespace Ingestion.Deploy.Tests;

/// <summary>
/// A kustomization under deploy/kubernetes rendered by <c>kubectl kustomize</c> and loaded strictly: built-in kinds into
/// KubernetesClient's models, the operators' kinds into the records of CustomResources.cs. A field the type does
/// not have fails the load.
/// </summary>
public sealed class RenderedManifests
{
    public const string Base = "deploy/kubernetes/base";
    public const string LocalOverlay = "deploy/kubernetes/overlays/local";

    static readonly Dictionary<string, Type> TypeMap = BuildTypeMap();

    public IReadOnlyList<object> Objects { get; }
    public string Yaml { get; }

    RenderedManifests(string yaml)
    {
        Yaml = yaml;
        Objects = Load(yaml);
    }

    /// <summary>Every object of a multi-document YAML text, each into its type, strictly.</summary>
    public static IReadOnlyList<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    public V1Deployment? Deployment(string name) =>
        OfKind<V1Deployment>().SingleOrDefault(d => d.Metadata.Name == name);

    /// <summary>The rendering of <paramref name="kustomization"/> (relative to the repository root), or null with a
    /// visible SKIPPED line when kubectl is not installed.</summary>
    public static async Task<RenderedManifests?> RenderAsync(string kustomization, Xunit.Abstractions.ITestOutputHelper output)
    {
        if (Environment.GetEnvironmentVariable("INGESTION_TEST_KUBECTL") is null && FindOnPath("kubectl") is null)
        {
            output.WriteLine($"SKIPPED: kubectl not found on PATH; {kustomization} not rendered (deploy/local/install.sh installs it).");
            Console.WriteLine($"SKIPPED: Kubernetes manifest test: kubectl not found, {kustomization} not rendered");
            return null;
        }
        // Rendered once per test run (kubectl takes about a second).
        return await Renderings.GetOrAdd(kustomization, async k => new RenderedManifests(await KustomizeAsync(k)));
    }

    /// <summary>kubectl's standard output only: the current kustomize warns on stderr of the fields kept for older ones.</summary>
    static async Task<string> KustomizeAsync(string kustomization)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("INGESTION_TEST_KUBECTL") ?? "kubectl")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "kustomize", Path.Combine(RepoPaths.Root, kustomization) }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"kubectl kustomize {kustomization} exited {p.ExitCode}:\n{await stderr}");
        return await stdout;
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<RenderedManifests>> Renderings = new();

    static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);

    /// <summary>"apiVersion/kind" of every model KubernetesClient has, and of the operators' kinds used here.</summary>
    static Dictionary<string, Type> BuildTypeMap()
    {
        var map = new Dictionary<string, Type>();
        foreach (var type in typeof(V1Deployment).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is not { } entity || type.Name.EndsWith("List")) continue;
            var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
            map[$"{apiVersion}/{entity.Kind}"] = type;
        }
        map["keda.sh/v1alpha1/ScaledObject"] = typeof(ScaledObject);
        map["keda.sh/v1alpha1/TriggerAuthentication"] = typeof(TriggerAuthentication);
        map["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(RabbitmqCluster);
        map["postgresql.cnpg.io/v1/Cluster"] = typeof(PostgresCluster);
        return map;
    }
}
