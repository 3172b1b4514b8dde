using Ingestion.Hosting.Messaging;
using k8s.Models;
using Xunit.Abstractions;

namespace Ingestion.Deploy.Tests;

/// <summary>KEDA's ScaledObjects against the queues the services consume and the broker the operator runs.</summary>
public class AutoscalingTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kustomizations => [RenderedManifests.Base, RenderedManifests.LocalOverlay];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Each_consumer_scales_on_every_queue_it_consumes_and_on_nothing_else(string kustomization)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var scaled = rendered.OfKind<ScaledObject>().ToList();
        foreach (var service in ServiceFacts.All.Where(s => s.Queues.Count > 0))
        {
            var scaler = scaled.SingleOrDefault(s => s.Spec.ScaleTargetRef.Name == service.Name);
            Assert.True(scaler is not null, $"no ScaledObject for {service.Name}, which consumes {string.Join(", ", service.Queues)}");
            Assert.NotNull(rendered.Deployment(service.Name));
            Assert.All(scaler.Spec.Triggers, t =>
            {
                Assert.Equal("rabbitmq", t.Type);
                Assert.Equal("QueueLength", t.Metadata["mode"]);
                Assert.True(double.Parse(t.Metadata["value"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            });
            var watched = scaler.Spec.Triggers.Select(t => t.Metadata["queueName"]).Order().ToList();
            Assert.Equal(service.Queues, watched);
            Assert.True(scaler.Spec.MinReplicaCount >= 1 && scaler.Spec.MaxReplicaCount >= scaler.Spec.MinReplicaCount);
            // The ScaledObject owns the replica count: a count in the Deployment would be reset on every apply.
            Assert.Null(rendered.Deployment(service.Name)!.Spec.Replicas);
        }
        Assert.All(scaled, s => Assert.Contains(ServiceFacts.All, f => f.Name == s.Spec.ScaleTargetRef.Name && f.Queues.Count > 0));
    }

    [Fact]
    public async Task The_consumers_run_at_least_two_replicas_and_the_fetcher_two_rolled_over()
    {
        if (await RenderedManifests.RenderAsync(RenderedManifests.Base, output) is not { } rendered) return;
        foreach (var service in ServiceFacts.All)
        {
            if (service.Queues.Count > 0)
                Assert.True(rendered.OfKind<ScaledObject>().Single(s => s.Spec.ScaleTargetRef.Name == service.Name).Spec.MinReplicaCount >= 2);
            else // fetchers share the feeds through leases in PostgreSQL: two, replaced one at a time
            {
                var spec = rendered.Deployment(service.Name)!.Spec;
                Assert.Equal(2, spec.Replicas);
                Assert.Equal("RollingUpdate", spec.Strategy.Type);
                Assert.Equal("0", spec.Strategy.RollingUpdate.MaxUnavailable.Value);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_scaler_reads_the_operators_broker_with_its_generated_credentials(string kustomization)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;
        var rabbit = Assert.Single(rendered.OfKind<RabbitmqCluster>());
        var ns = rabbit.Metadata.NamespaceProperty;
        var defaults = new RabbitMqOptions();
        var auth = rendered.OfKind<TriggerAuthentication>().ToDictionary(a => a.Metadata.Name);

        foreach (var trigger in rendered.OfKind<ScaledObject>().SelectMany(s => s.Spec.Triggers))
        {
            // KEDA connects from its own namespace: the host names the broker's Service with the namespace.
            var host = new Uri(trigger.Metadata["host"]);
            Assert.Equal("amqp", host.Scheme);
            Assert.Equal("amqp", trigger.Metadata["protocol"]);
            Assert.Equal($"{rabbit.Metadata.Name}.{ns}.svc", host.Host);
            Assert.Equal(defaults.Port, host.Port);
            Assert.Empty(host.UserInfo); // credentials come from the TriggerAuthentication
            Assert.Equal(ServiceFacts.All[0].ConfigurationValue("RabbitMq:VirtualHost") ?? defaults.VirtualHost, trigger.Metadata["vhostName"]);

            Assert.True(auth.TryGetValue(trigger.AuthenticationRef?.Name ?? "", out var authentication), "no TriggerAuthentication of that name");
            Assert.Equal(ns, authentication.Metadata.NamespaceProperty);
            var parameters = authentication.Spec.SecretTargetRef.ToDictionary(r => r.Parameter);
            Assert.Equal(["password", "username"], parameters.Keys.Order());
            Assert.All(parameters.Values, r => Assert.Equal($"{rabbit.Metadata.Name}-default-user", r.Name));
            Assert.Equal("username", parameters["username"].Key);
            Assert.Equal("password", parameters["password"].Key);
        }
    }
}
