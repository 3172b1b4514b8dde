using System.Text.Json;
using Ingestion.Contracts;
using MassTransit;

// Every ArticleIndexed, in a durable queue of this subscriber's own, written as one JSON line each (stdout, or a file).
var rabbit = new Uri(Environment.GetEnvironmentVariable("SUBSCRIBER_RABBITMQ") ?? "rabbitmq://127.0.0.1:25672/"); // ./run.sh's broker
var queue = Environment.GetEnvironmentVariable("SUBSCRIBER_QUEUE") ?? "sample-subscriber";
var outPath = Environment.GetEnvironmentVariable("SUBSCRIBER_OUT"); // null: stdout
using var output = outPath is null ? Console.Out : new StreamWriter(outPath, append: true);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var gate = new SemaphoreSlim(1);

var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
{
    cfg.Host(rabbit, h => { h.Username("guest"); h.Password("guest"); });
    cfg.ReceiveEndpoint(queue, e => // durable, bound to the ArticleIndexed exchange: gets every event, keeps them while we are down
    {
        e.Handler<ArticleIndexed>(async context =>
        {
            // At least once: a redelivery repeats a line; EventId is the same for the same article revision.
            await gate.WaitAsync();
            try
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(context.Message, json));
                await output.FlushAsync(); // written before the message is acknowledged
            }
            finally { gate.Release(); }
        });
    });
});

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
await bus.StartAsync();
Console.Error.WriteLine($"listening on queue {queue}");
try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
await bus.StopAsync();
