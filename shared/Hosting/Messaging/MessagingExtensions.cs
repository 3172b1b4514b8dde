using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Hosting.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ with the pipeline's delivery rules: durable queues named by the consumer definitions,
    /// retries then the endpoint's <c>_error</c> queue, and the in-memory outbox so that a consumer's messages are
    /// published only after it finished (its transaction committed) and before the message is acknowledged.
    /// </summary>
    public static WebApplicationBuilder AddIngestionMessaging(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var options = builder.Configuration.GetSection("RabbitMq").Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
                {
                    h.Username(options.Username);
                    h.Password(options.Password);
                });
                cfg.PrefetchCount = options.PrefetchCount;
                if (options.QuorumQueues)
                    cfg.SetQuorumQueue();
                cfg.UseMessageRetry(r => r.Intervals(options.RetryIntervalsMs));
                cfg.UseInMemoryOutbox(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("RabbitMq:StartTimeoutSeconds", 60));
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }
}
