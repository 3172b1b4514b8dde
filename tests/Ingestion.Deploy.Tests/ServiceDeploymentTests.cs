using System.Text.RegularExpressions;
using Ingestion.Hosting.Messaging;
using Ingestion.Hosting.Resilience;
using k8s.Models;
using Xunit.Abstractions;

namespace Ingestion.Deploy.Tests;

/// <summary>
/// Each service's Deployment against the service's own configuration: the port it listens on, the health endpoints,
/// the settings it reads, how long it waits at start-up and how long it takes to stop.
/// </summary>
public partial class ServiceDeploymentTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> ServicesByKustomization()
    {
        var data = new TheoryData<string, string>();
        foreach (var kustomization in new[] { RenderedManifests.Base, RenderedManifests.LocalOverlay })
            foreach (var service in ServiceFacts.All)
                data.Add(kustomization, service.Folder);
        return data;
    }

    static ServiceFacts Facts(string folder) => ServiceFacts.All.Single(s => s.Folder == folder);

    static V1Container Container(RenderedManifests rendered, ServiceFacts service)
    {
        var deployment = rendered.Deployment(service.Name);
        Assert.True(deployment is not null, $"no Deployment named {service.Name}");
        return Assert.Single(deployment.Spec.Template.Spec.Containers);
    }

    static Dictionary<string, string?> Values(V1Container container) =>
        (container.Env ?? []).ToDictionary(e => e.Name, e => (string?)e.Value);

    [Theory]
    [MemberData(nameof(ServicesByKustomization))]
    public async Task Ports_and_probes_are_the_ones_the_service_serves(string kustomization, string folder)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var service = Facts(folder);
        var container = Container(rendered, service);

        var port = Assert.Single(container.Ports);
        Assert.Equal(ServiceFacts.ImagePort, port.ContainerPort);
        // Urls overrides the loopback address of appsettings.json; it must name the same port.
        Assert.True(service.ReadsSetting("Urls"), "the service has no Urls setting to override");
        Assert.Equal($"http://+:{ServiceFacts.ImagePort}", Values(container)["Urls"]);

        var (live, ready) = ServiceFacts.HealthPaths;
        AssertProbe(container.StartupProbe, live, port, "startup");
        AssertProbe(container.LivenessProbe, live, port, "liveness");
        AssertProbe(container.ReadinessProbe, ready, port, "readiness");
    }

    static void AssertProbe(V1Probe? probe, string path, V1ContainerPort port, string what)
    {
        Assert.True(probe?.HttpGet is not null, $"no {what} probe over HTTP");
        Assert.Equal(path, probe.HttpGet.Path);
        var target = probe.HttpGet.Port.Value;
        Assert.True(target == port.Name || target == port.ContainerPort.ToString(),
            $"the {what} probe asks port {target}, the container's is {port.Name}/{port.ContainerPort}");
    }

    [Theory]
    [MemberData(nameof(ServicesByKustomization))]
    public async Task Every_environment_variable_is_a_setting_the_service_reads(string kustomization, string folder)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var service = Facts(folder);
        var env = Container(rendered, service).Env ?? [];

        // A variable that is no setting is only there to be spelled into another one's value, $(NAME).
        var referenced = env.Where(e => e.Value is not null).SelectMany(e => Reference().Matches(e.Value).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var unread = env.Select(e => e.Name).Where(n => !service.ReadsSetting(n) && !referenced.Contains(n)).ToList();
        Assert.True(unread.Count == 0, $"{service.Name} reads no setting named {string.Join(", ", unread)}");
        // Each $(NAME) is defined before it is used (Kubernetes expands only those).
        foreach (var (e, i) in env.Select((e, i) => (e, i)))
            foreach (Match m in Reference().Matches(e.Value ?? ""))
                Assert.Contains(m.Groups[1].Value, env.Take(i).Select(x => x.Name));

        // The settings a service cannot run without here.
        var names = env.Select(e => e.Name).ToHashSet();
        foreach (var required in new[] { "ConnectionStrings__Postgres", "RabbitMq__Host", "RabbitMq__Username", "RabbitMq__Password",
                     "OTEL_EXPORTER_OTLP_ENDPOINT" })
            Assert.Contains(required, names);
    }

    [Theory]
    [MemberData(nameof(ServicesByKustomization))]
    public async Task Start_up_and_shutdown_fit_the_resilience_settings(string kustomization, string folder)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var service = Facts(folder);
        var deployment = rendered.Deployment(service.Name)!;
        var container = Container(rendered, service);
        var values = Values(container);
        var defaults = new ResilienceOptions();
        int Setting(string name, int fallback) =>
            values.TryGetValue($"{ResilienceOptions.Section}__{name}", out var v) && v is not null ? int.Parse(v) : fallback;

        // The host stops within grace + margin (its ShutdownTimeout); the kubelet must not kill it before.
        var grace = Setting(nameof(ResilienceOptions.ShutdownGraceSeconds), defaults.ShutdownGraceSeconds);
        var terminationGrace = deployment.Spec.Template.Spec.TerminationGracePeriodSeconds;
        Assert.True(terminationGrace >= grace + ServiceFacts.ShutdownMarginSeconds,
            $"terminationGracePeriodSeconds {terminationGrace} < ShutdownGraceSeconds {grace} + {ServiceFacts.ShutdownMarginSeconds}");

        // It starts listening only once PostgreSQL and RabbitMQ answered, which it waits for up to the outage ceiling.
        var ceiling = Setting(nameof(ResilienceOptions.OutageCeilingSeconds), defaults.OutageCeilingSeconds);
        var startup = container.StartupProbe!;
        var allowed = (startup.PeriodSeconds ?? 10) * (startup.FailureThreshold ?? 3) + (startup.InitialDelaySeconds ?? 0);
        Assert.True(allowed >= ceiling, $"the start-up probe allows {allowed} s, the service waits up to {ceiling} s for its dependencies");
    }

    [Theory]
    [MemberData(nameof(ServicesByKustomization))]
    public async Task Pods_are_bounded_and_run_as_non_root(string kustomization, string folder)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var service = Facts(folder);
        var deployment = rendered.Deployment(service.Name)!;
        var container = Container(rendered, service);

        Assert.Contains($"ingestion-{service.Name}", container.Image);
        var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
        Assert.True(requests.ContainsKey("cpu") && requests.ContainsKey("memory"), "no cpu and memory requests");
        var limit = container.Resources?.Limits is { } limits && limits.TryGetValue("memory", out var l) ? l : null;
        Assert.True(limit is not null, "no memory limit");
        Assert.True(limit.ToInt64() >= 600L * 1024 * 1024, $"memory limit {limit} is below the services' ~530 MB peak with room to spare");

        var pod = deployment.Spec.Template.Spec.SecurityContext;
        Assert.True(pod?.RunAsNonRoot, "runAsNonRoot is not set");
        Assert.NotEqual(0, pod!.RunAsUser ?? 0);
        Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true);

        var budget = rendered.OfKind<V1PodDisruptionBudget>().SingleOrDefault(b =>
            b.Spec.Selector.MatchLabels.All(l => deployment.Spec.Template.Metadata.Labels.TryGetValue(l.Key, out var v) && v == l.Value));
        Assert.True(budget is not null, $"no PodDisruptionBudget selects {service.Name}");
    }

    [Theory]
    [MemberData(nameof(ServicesByKustomization))]
    public async Task A_service_with_an_http_api_has_a_Service_and_one_without_has_none(string kustomization, string folder)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var service = Facts(folder);
        var svc = rendered.OfKind<V1Service>().SingleOrDefault(s => s.Metadata.Name == service.Name);
        Assert.Equal(service.HasHttpApi, svc is not null);
        if (svc is null) return;
        var deployment = rendered.Deployment(service.Name)!;
        Assert.All(svc.Spec.Selector, l => Assert.Equal(l.Value, deployment.Spec.Template.Metadata.Labels[l.Key]));
        var port = Assert.Single(Container(rendered, service).Ports);
        Assert.All(svc.Spec.Ports, p => Assert.True(p.TargetPort.Value == port.Name || p.TargetPort.Value == port.ContainerPort.ToString()));
    }

    [Fact]
    public async Task The_services_reach_the_broker_and_database_the_operators_run_and_the_trace_viewer()
    {
        if (await RenderedManifests.RenderAsync(RenderedManifests.Base, output) is not { } rendered) return;
        var rabbit = Assert.Single(rendered.OfKind<RabbitmqCluster>());
        var postgres = Assert.Single(rendered.OfKind<PostgresCluster>());
        // The operators' generated Secrets and the keys they hold (RabbitMQ Cluster Operator: <name>-default-user;
        // CloudNativePG: <name>-app).
        var secrets = new Dictionary<string, string[]>
        {
            [$"{rabbit.Metadata.Name}-default-user"] = ["username", "password", "host", "port"],
            [$"{postgres.Metadata.Name}-app"] = ["username", "password", "host", "port", "dbname"],
        };
        Assert.Empty(rendered.OfKind<V1Secret>()); // no credentials written in the manifests
        Assert.Empty(rendered.OfKind<V1StatefulSet>()); // the operators run the servers

        foreach (var service in ServiceFacts.All)
        {
            var env = Container(rendered, service).Env!;
            foreach (var reference in env.Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>())
            {
                Assert.True(secrets.TryGetValue(reference.Name, out var keys), $"{service.Name} reads Secret {reference.Name}, which no operator makes");
                Assert.Contains(reference.Key, keys);
            }
            Assert.Equal($"{rabbit.Metadata.Name}-default-user", env.Single(e => e.Name == "RabbitMq__Password").ValueFrom.SecretKeyRef.Name);
            Assert.Contains("$(", env.Single(e => e.Name == "ConnectionStrings__Postgres").Value);

            var endpoint = new Uri(env.Single(e => e.Name == "OTEL_EXPORTER_OTLP_ENDPOINT").Value);
            var viewer = rendered.OfKind<V1Service>().SingleOrDefault(s => s.Metadata.Name == endpoint.Host);
            Assert.True(viewer is not null, $"OTEL_EXPORTER_OTLP_ENDPOINT names {endpoint.Host}, which is no Service");
            var grpc = viewer.Spec.Ports.Single(p => p.Port == endpoint.Port);
            Assert.Equal("otlp-grpc", grpc.Name);
            Assert.Equal("grpc", env.Single(e => e.Name == "OTEL_EXPORTER_OTLP_PROTOCOL").Value);
        }
        Assert.Contains("\"OTEL_EXPORTER_OTLP_ENDPOINT\"", ServiceFacts.AllHostingSources);
    }

    [Fact]
    public async Task The_infrastructure_is_replicated()
    {
        if (await RenderedManifests.RenderAsync(RenderedManifests.Base, output) is not { } rendered) return;
        Assert.Equal(3, Assert.Single(rendered.OfKind<RabbitmqCluster>()).Spec.Replicas);
        Assert.Equal(3, Assert.Single(rendered.OfKind<PostgresCluster>()).Spec.Instances);
        // Three broker nodes: the services declare quorum queues.
        foreach (var service in ServiceFacts.All)
            Assert.Equal("true", Values(Container(rendered, service)).GetValueOrDefault($"RabbitMq__{nameof(RabbitMqOptions.QuorumQueues)}"));
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
