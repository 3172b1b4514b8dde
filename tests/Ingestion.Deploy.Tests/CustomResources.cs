using k8s;
using k8s.Models;

namespace Ingestion.Deploy.Tests;

// The operators' kinds, with only the fields deploy/kubernetes uses: read strictly, a field written wrong (or one not
// listed here) fails the load. Field names as in KEDA's, the RabbitMQ Cluster Operator's and CloudNativePG's APIs.

/// <summary>KEDA keda.sh/v1alpha1 ScaledObject.</summary>
public sealed record ScaledObject : IKubernetesObject<V1ObjectMeta>
{
    public const string ApiVersionName = "keda.sh/v1alpha1";
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public ScaledObjectSpec Spec { get; set; } = new();
}

public sealed record ScaledObjectSpec
{
    public ScaleTarget ScaleTargetRef { get; set; } = new();
    public int? MinReplicaCount { get; set; }
    public int? MaxReplicaCount { get; set; }
    public int? PollingInterval { get; set; }
    public int? CooldownPeriod { get; set; }
    public List<ScaleTrigger> Triggers { get; set; } = [];
}

public sealed record ScaleTarget
{
    public string Name { get; set; } = "";
}

public sealed record ScaleTrigger
{
    public string Type { get; set; } = "";
    public NameReference? AuthenticationRef { get; set; }
    public Dictionary<string, string> Metadata { get; set; } = [];
}

public sealed record NameReference
{
    public string Name { get; set; } = "";
}

/// <summary>KEDA keda.sh/v1alpha1 TriggerAuthentication (secret references only).</summary>
public sealed record TriggerAuthentication : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}

public sealed record TriggerAuthenticationSpec
{
    public List<SecretTargetRef> SecretTargetRef { get; set; } = [];
}

public sealed record SecretTargetRef
{
    public string Parameter { get; set; } = "";
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>RabbitMQ Cluster Operator rabbitmq.com/v1beta1 RabbitmqCluster.</summary>
public sealed record RabbitmqCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public RabbitmqClusterSpec Spec { get; set; } = new();
}

public sealed record RabbitmqClusterSpec
{
    public int? Replicas { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public RabbitmqPersistence? Persistence { get; set; }
    public RabbitmqConfig? Rabbitmq { get; set; }
}

public sealed record RabbitmqPersistence
{
    public ResourceQuantity? Storage { get; set; }
}

public sealed record RabbitmqConfig
{
    public string? AdditionalConfig { get; set; }
}

/// <summary>CloudNativePG postgresql.cnpg.io/v1 Cluster.</summary>
public sealed record PostgresCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public V1ObjectMeta Metadata { get; set; } = new();
    public PostgresClusterSpec Spec { get; set; } = new();
}

public sealed record PostgresClusterSpec
{
    public int? Instances { get; set; }
    public string? ImageName { get; set; }
    public PostgresStorage? Storage { get; set; }
    public PostgresBootstrap? Bootstrap { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
}

public sealed record PostgresStorage
{
    public ResourceQuantity? Size { get; set; }
}

public sealed record PostgresBootstrap
{
    public PostgresInitDb? Initdb { get; set; }
}

public sealed record PostgresInitDb
{
    public string? Database { get; set; }
    public string? Owner { get; set; }
}
