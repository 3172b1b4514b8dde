using MassTransit;

namespace Ingestion.TestSupport;

/// <summary>
/// A MassTransit bus on a RabbitMQ virtual host, set up as the services' (shared/Hosting: kebab-case endpoint names, the
/// contracts' message types and their exchanges), to publish what a stage would publish and to receive what the
/// services publish. Publishes are mandatory, as the services' are: a message no queue is bound for fails the publish
/// instead of vanishing.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    readonly IBusControl bus;

    TestBus(IBusControl bus) => this.bus = bus;

    /// <summary>
    /// Starts a bus; <paramref name="receive"/> adds receive endpoints (e.g. a temporary one with handlers for the events
    /// a test watches: <c>cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =&gt; e.Handler&lt;T&gt;(...))</c>).
    /// </summary>
    public static async Task<TestBus> StartAsync(string host, int port, string virtualHost = "/",
        Action<IRabbitMqBusFactoryConfigurator>? receive = null, CancellationToken ct = default)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(host, (ushort)port, virtualHost, h =>
            {
                h.Username("guest");
                h.Password("guest");
            });
            receive?.Invoke(cfg);
        });
        await bus.StartAsync(ct);
        return new TestBus(bus);
    }

    /// <summary>Publishes one message to its type's exchange, mandatory and confirmed by the broker.</summary>
    public Task PublishAsync<T>(T message, CancellationToken ct = default) where T : class =>
        bus.Publish(message, context => context.Mandatory = true, ct);

    /// <summary>Publishes messages in order (each confirmed before the next is sent).</summary>
    public async Task PublishAllAsync<T>(IEnumerable<T> messages, CancellationToken ct = default) where T : class
    {
        foreach (var m in messages) await PublishAsync(m, ct);
    }

    /// <summary>The bus itself, for what the helpers above do not cover (publishing many at once, sending).</summary>
    public IBus Bus => bus;

    public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None);
}
