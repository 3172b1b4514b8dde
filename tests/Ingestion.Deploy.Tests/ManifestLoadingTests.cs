using k8s.Models;
using Xunit.Abstractions;

namespace Ingestion.Deploy.Tests;

/// <summary>The kustomizations render with <c>kubectl kustomize</c> and every object loads strictly into its type.</summary>
public class ManifestLoadingTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kustomizations => [RenderedManifests.Base, RenderedManifests.LocalOverlay];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Every_object_renders_and_loads_into_its_typed_model(string kustomization)
    {
        if (await RenderedManifests.RenderAsync(kustomization, output) is not { } rendered) return;

        // LoadAllFromString threw on any unknown kind or field; each object is of its own type, none left untyped.
        var kinds = rendered.Objects.Select(o => o.GetType().Name).ToList();
        output.WriteLine($"{kustomization}: {kinds.Count} objects: {string.Join(", ", kinds.GroupBy(k => k).Select(g => $"{g.Count()} {g.Key}"))}");
        Assert.Equal(ServiceFacts.All.Count + 1, rendered.OfKind<V1Deployment>().Count()); // the services and the dashboard
        Assert.Single(rendered.OfKind<RabbitmqCluster>());
        Assert.Single(rendered.OfKind<PostgresCluster>());
        Assert.Single(rendered.OfKind<TriggerAuthentication>());
        Assert.NotEmpty(rendered.OfKind<ScaledObject>());
    }

    [Theory]
    [InlineData("terminationGracePeriodSeconds:", "terminationGraceSeconds:")] // a built-in kind (Deployment)
    [InlineData("minReplicaCount:", "minReplicas:")] // an operator's kind (ScaledObject)
    [InlineData("instances:", "instance:")] // CloudNativePG's Cluster
    public async Task A_field_the_model_does_not_have_fails_the_load(string field, string misspelt)
    {
        // The check above is only worth something if strict loading refuses what it does not know.
        if (await RenderedManifests.RenderAsync(RenderedManifests.Base, output) is not { } rendered) return;
        Assert.Contains(field, rendered.Yaml);
        Assert.ThrowsAny<Exception>(() => RenderedManifests.Load(rendered.Yaml.Replace(field, misspelt)));
    }
}
