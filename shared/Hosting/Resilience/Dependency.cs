namespace Ingestion.Hosting.Resilience;

/// <summary>What a service needs to do its work and can only wait for when it is away.</summary>
public enum Dependency
{
    /// <summary>The service's PostgreSQL database.</summary>
    Postgres,
    /// <summary>The RabbitMQ broker (or cluster).</summary>
    Broker,
}
