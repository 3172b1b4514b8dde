using Ingestion.Fetcher.Domain.Feeds;
using Ingestion.Fetcher.Sources;
using Ingestion.Fetcher.Storage;

namespace Ingestion.Fetcher.Api;

public sealed record AddFeedRequest(string Url, string? Name);

/// <summary>The fetcher's HTTP API: feeds (list, add, show, pause, resume, remove) and status.</summary>
public static class FeedEndpoints
{
    public static WebApplication MapFeedApi(this WebApplication app)
    {
        app.MapGet("/feeds", async (FeedStore feeds, CancellationToken ct) => Results.Ok(await feeds.ListAsync(ct)));

        // Adding a feed reads it once: a feed that does not parse is refused with the reason.
        app.MapPost("/feeds", async (AddFeedRequest request, FeedIngestor ingestor, FeedStore feeds, CancellationToken ct) =>
        {
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return Results.Problem("url must be an absolute http or https URL.", statusCode: 400, title: "Bad feed");
            try
            {
                var (_, parsed) = await ingestor.ReadAsync(request.Url, null, null, ct);
                var name = request.Name ?? parsed?.Title ?? request.Url;
                await feeds.AddAsync(request.Url, name, parsed?.Kind, ct);
                return Results.Created($"/feeds", new { url = request.Url, name, kind = parsed?.Kind, items = parsed?.Items.Count ?? 0 });
            }
            catch (FeedFormatException notAFeed)
            {
                // A web page instead of a feed: add the first feed it announces (autodiscovery), or say why not.
                try
                {
                    var found = await ingestor.DiscoverAsync(request.Url, ct);
                    if (found.Count == 0)
                        return Results.Problem(notAFeed.Message
                            + " No <link rel=\"alternate\"> feed on the page either.", statusCode: 400,
                            title: "The feed could not be read");
                    var feedUrl = found[0].Url;
                    var (_, parsed) = await ingestor.ReadAsync(feedUrl, null, null, ct);
                    var name = request.Name ?? parsed?.Title ?? feedUrl;
                    await feeds.AddAsync(feedUrl, name, parsed?.Kind, ct);
                    return Results.Created("/feeds", new { url = feedUrl, name, kind = parsed?.Kind, items = parsed?.Items.Count ?? 0,
                        discoveredFrom = request.Url, alsoAnnounced = found.Skip(1).Select(f => f.Url) });
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return Results.Problem($"{notAFeed.Message} Autodiscovery failed: {e.Message}", statusCode: 400,
                        title: "The feed could not be read");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(e.Message, statusCode: 400, title: "The feed could not be read");
            }
        });

        // One feed, addressed by its URL in the query string (?url=...): show, pause, resume, remove.
        app.MapGet("/feeds/show", async (string url, FeedStore feeds, PollHistoryStore history, CancellationToken ct) =>
            await feeds.GetAsync(url, ct) is { } row
                ? Results.Ok(new { feed = row, recentPolls = await history.RecentAsync(url, 20, ct) })
                : Results.NotFound());
        app.MapPost("/feeds/pause", async (string url, FeedStore feeds, CancellationToken ct) =>
            await feeds.SetPausedAsync(url, true, ct) ? Results.NoContent() : Results.NotFound());
        app.MapPost("/feeds/resume", async (string url, FeedStore feeds, CancellationToken ct) =>
            await feeds.SetPausedAsync(url, false, ct) ? Results.NoContent() : Results.NotFound());
        app.MapDelete("/feeds", async (string url, FeedStore feeds, CancellationToken ct) =>
            await feeds.RemoveAsync(url, ct) ? Results.NoContent() : Results.NotFound());

        app.MapGet("/status", async (PageStore pages, CancellationToken ct) => Results.Ok(await pages.StatusAsync(ct)));
        return app;
    }
}
