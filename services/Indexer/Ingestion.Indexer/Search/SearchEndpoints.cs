using Ingestion.Indexer.Domain;

namespace Ingestion.Indexer.Search;

/// <summary>The indexer's HTTP API: search, one article, the change feed, rejections, status.</summary>
public static class SearchEndpoints
{
    public static WebApplication MapSearchApi(this WebApplication app)
    {
        app.MapGet("/search", async (HttpRequest req, SearchQueries queries, CancellationToken ct) =>
        {
            var p = req.Query;
            var (request, error) = SearchRequest.Parse(p["q"], p["lang"], p["source"], p["from"], p["to"], p["limit"]);
            if (request is null)
                return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad search request");
            return Results.Ok(await queries.SearchAsync(request, ct));
        });

        app.MapGet("/articles/changes", async (long? after, int? limit, SearchQueries queries, CancellationToken ct) =>
            limit is < 1
                ? Results.Problem("limit must be positive.", statusCode: StatusCodes.Status400BadRequest)
                : Results.Ok(await queries.ChangesAsync(after ?? 0, Math.Min(limit ?? 100, 1000), ct)));

        app.MapGet("/articles/{id}", async (string id, SearchQueries queries, CancellationToken ct) =>
            await queries.GetArticleAsync(id, ct) is { } article ? Results.Ok(article) : Results.NotFound());

        app.MapGet("/rejections", async (int? limit, SearchQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.RejectionsAsync(Math.Clamp(limit ?? 50, 1, 1000), ct)));

        app.MapGet("/status", async (SearchQueries queries, CancellationToken ct) => Results.Ok(await queries.StatusAsync(ct)));
        return app;
    }
}
