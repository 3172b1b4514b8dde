using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// A subscriber built from shared/Contracts and the README alone (samples/Ingestion.SampleSubscriber), run as a separate
/// process against the running pipeline: it joins late, is killed mid-stream and restarted, and between its own durable
/// queue and GET /articles/changes it misses no event.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class SubscriberTests(LocalServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task A_separate_subscriber_loses_no_event_across_a_restart_and_the_change_feed_covers_what_came_before_it()
    {
        await using var pipeline = await TestPipeline.CreateAsync(servers, "subscriber");
        var outFile = Path.Combine(pipeline.Folder + "-events.jsonl");
        var rabbit = $"rabbitmq://{servers.RabbitHost}:{servers.RabbitPort}/{pipeline.VirtualHost}";
        SubscriberProcess? subscriber = null;
        const int early = 3, first = 12, second = 12, total = early + first + second;
        try
        {
            await pipeline.StartAsync();
            // Indexed before the subscriber exists: it can only learn of these from the change feed.
            SyntheticArticles.Write(pipeline.Folder, 0, early);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.revisions") == early,
                TimeSpan.FromSeconds(60), "the early articles indexed");

            subscriber = new SubscriberProcess(rabbit, "sample-subscriber", outFile);
            await subscriber.StartAsync();
            SyntheticArticles.Write(pipeline.Folder, early, first);
            await pipeline.WaitUntilAsync(() => Task.FromResult(subscriber.Events().Count >= 3), TimeSpan.FromSeconds(60),
                "the subscriber to receive some events");
            subscriber.Kill(); // mid-stream: events keep being published into its durable queue
            var beforeRestart = subscriber.Events().Count;
            SyntheticArticles.Write(pipeline.Folder, early + first, second);
            await pipeline.WaitUntilAsync(async () => await pipeline.CountAsync("select count(*) from indexer.revisions") == total,
                TimeSpan.FromSeconds(90), "all articles indexed while the subscriber is down");
            var waiting = await pipeline.Rabbit.MessageCountAsync(pipeline.VirtualHost, "sample-subscriber");
            output.WriteLine($"received {beforeRestart} before the kill; {waiting} waiting in its queue while down");

            await subscriber.DisposeAsync();
            subscriber = new SubscriberProcess(rabbit, "sample-subscriber", outFile);
            await subscriber.StartAsync();
            await pipeline.WaitUntilAsync(() => Task.FromResult(Distinct(subscriber.Events()).Count == total - early),
                TimeSpan.FromSeconds(60), "every event after joining received");

            // The change feed, read in pages, lists every revision in order with no gap.
            var feed = new List<JsonElement>();
            for (long after = 0; ;)
            {
                var page = await pipeline.Indexer.GetFromJsonAsync<JsonElement>($"/articles/changes?after={after}&limit=7");
                var items = page.GetProperty("items").EnumerateArray().ToList();
                if (items.Count == 0) break;
                feed.AddRange(items);
                after = page.GetProperty("next").GetInt64();
            }
            var cursors = feed.Select(e => e.GetProperty("changeCursor").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), cursors);

            // Events plus the feed before the first event cover everything; every received event is the feed's, unchanged.
            var received = Distinct(subscriber.Events());
            var firstSeen = received.Values.Min(e => e.GetProperty("changeCursor").GetInt64());
            var caughtUp = feed.Where(e => e.GetProperty("changeCursor").GetInt64() < firstSeen).Select(Id)
                .Concat(received.Keys).ToHashSet();
            Assert.Equal(feed.Select(Id).ToHashSet(), caughtUp);
            foreach (var e in feed.Where(e => received.ContainsKey(Id(e))))
                Assert.Equal(e.GetProperty("articleId").GetString(), received[Id(e)].GetProperty("articleId").GetString());
            output.WriteLine($"{received.Count} distinct events received ({subscriber.Events().Count} lines), {early} from the feed only");
        }
        catch
        {
            output.WriteLine(pipeline.Logs());
            if (subscriber is not null) output.WriteLine(subscriber.Output);
            throw;
        }
        finally
        {
            if (subscriber is not null) await subscriber.DisposeAsync();
            File.Delete(outFile);
        }
    }

    static string Id(JsonElement e) => e.GetProperty("eventId").GetString()!;

    static Dictionary<string, JsonElement> Distinct(List<JsonElement> events) =>
        events.GroupBy(Id).ToDictionary(g => g.Key, g => g.First());
}
