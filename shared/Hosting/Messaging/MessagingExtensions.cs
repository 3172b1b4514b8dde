using Ingestion.Hosting.Resilience;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Hosting.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the pipeline's delivery rules: durable queues named by the consumer definitions;
    /// a message that fails because PostgreSQL or the broker is away waits for it (<see cref="TransientFaults"/>, up to
    /// <see cref="ResilienceOptions.OutageCeilingSeconds"/>) without using up its retries; one that fails on its own
    /// merits is retried a few times (<see cref="RabbitMqOptions.RetryIntervalsMs"/>) then goes to the endpoint's
    /// <c>_error</c> queue; and the in-memory outbox publishes a consumer's messages only after it finished (its
    /// transaction committed) and before the message is acknowledged. Publishes wait for the broker's confirm. With several
    /// <see cref="RabbitMqOptions.Hosts"/> the bus connects to the first node that answers and moves to the next when its
    /// node goes; with <see cref="RabbitMqOptions.QuorumQueues"/> every queue is a quorum queue (<see cref="QuorumTopology"/>).
    /// </summary>
    public static WebApplicationBuilder AddIngestionMessaging(this WebApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var options = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WaitingRetryObserver>();
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(x);
            if (options.QuorumQueues)
                x.AddConfigureEndpointsCallback((name, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                        QuorumTopology.ConfigureEndpoint(rabbit, name, options);
                });
            x.UsingRabbitMq((context, cfg) =>
            {
                var nodes = options.Nodes();
                cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                    // The publish returns once the broker has the message (a quorum queue: once a majority wrote it).
                    h.PublisherConfirmation = true;
                    if (options.Hosts.Length > 0)
                        h.UseCluster(c =>
                        {
                            foreach (var node in nodes) c.Node(node);
                        });
                });
                cfg.PrefetchCount = options.PrefetchCount;
                if (options.QuorumQueues)
                    QuorumTopology.ConfigureBus(cfg);
                // Outer: wait out an absent dependency. Inner: a few quick retries for everything else.
                cfg.UseMessageRetry(r =>
                {
                    r.Handle<Exception>(TransientFaults.IsTransient);
                    r.Intervals(context.GetRequiredService<ResilienceOptions>().WaitIntervals());
                    r.ConnectRetryObserver(context.GetRequiredService<WaitingRetryObserver>());
                });
                cfg.UseMessageRetry(r =>
                {
                    r.Ignore<Exception>(TransientFaults.IsTransient);
                    r.Intervals(options.RetryIntervalsMs);
                });
                cfg.UseInMemoryOutbox(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        // The Resilience settings as AddIngestionResilience bound and validated them.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure<ResilienceOptions>((o, resilience) =>
        {
            o.WaitUntilStarted = true;
            // A broker that is away at start-up is waited for as long as one that goes away later.
            o.StartTimeout = resilience.OutageCeiling;
            // On SIGTERM, messages being consumed get the grace period to finish; unfinished ones are not acknowledged.
            o.StopTimeout = TimeSpan.FromSeconds(resilience.ShutdownGraceSeconds);
        });
        return builder;
    }
}
