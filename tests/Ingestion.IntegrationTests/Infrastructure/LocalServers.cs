namespace Ingestion.IntegrationTests.Infrastructure;

/// <summary>
/// The servers of the whole test run (<see cref="TestServers"/>: throwaway PostgreSQL, RabbitMQ and trace receiver, or
/// those named by INGESTION_TEST_POSTGRES, INGESTION_TEST_RABBITMQ, INGESTION_TEST_DASHBOARD), as an xunit fixture.
/// </summary>
public sealed class LocalServers : TestServers, IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<LocalServers>
{
    public const string Name = "servers";
}
