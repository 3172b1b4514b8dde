using Ingestion.Fetcher.Sources;
using Ingestion.Fetcher.Storage;

namespace Ingestion.Fetcher.Api;

public sealed record AddFeedRequest(string Url, string? Name);

/// <summary>The fetcher's HTTP API: feeds (list, add) and status.</summary>
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(e.Message, statusCode: 400, title: "The feed could not be read");
            }
        });

        app.MapGet("/status", async (PageStore pages, CancellationToken ct) => Results.Ok(await pages.StatusAsync(ct)));
        return app;
    }
}
