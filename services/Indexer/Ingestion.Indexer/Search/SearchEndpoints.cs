using Ingestion.Contracts;
using Ingestion.Indexer.Domain.Search;
using Microsoft.AspNetCore.Mvc;

namespace Ingestion.Indexer.Search;

/// <summary>The indexer's HTTP API: search, one article, the change feed, rejections, status. Described at /openapi/v1.json.</summary>
public static class SearchEndpoints
{
    public static WebApplication MapSearchApi(this WebApplication app)
    {
        // Parameters arrive as text and are validated by SearchRequest.Parse, so a bad one gets a message saying what is wrong.
        app.MapGet("/search", async (SearchQueries queries, CancellationToken ct,
                [FromQuery] string? q, [FromQuery] string? lang, [FromQuery] string? source, [FromQuery] string? from,
                [FromQuery] string? to, [FromQuery] string? limit, [FromQuery] string? entity, [FromQuery] string? entityType,
                [FromQuery] string? cursor, [FromQuery] string? facets) =>
            {
                var (request, error) = SearchRequest.Parse(q, lang, source, from, to, limit, entity, entityType, cursor, facets);
                if (request is null)
                    return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Bad search request");
                return Results.Ok(await queries.SearchAsync(request, ct));
            })
            .WithName("Search")
            .WithSummary("Full-text search over indexed articles: title matches, then title-and-description matches, then the rest, each "
                + "newest first; an empty q lists the newest.")
            .WithDescription("""
                q: web-search syntax (words, "quoted phrases", OR, -excluded), at most 500 characters; when nothing matches, titles that nearly match its unquoted words (pg_trgm).
                lang: ISO 639-1 code. source: source name. from/to: publication date range (YYYY-MM-DD or ISO 8601).
                entity (+ optional entityType PER|ORG|LOC): only articles naming that canonical entity.
                limit: page size, default 20, at most 100. cursor: the 'next' value of the previous page (same q and filters).
                facets=true: also count top entities, sources and languages over the best 500 results.
                """)
            .Produces<SearchResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/articles/changes", async (long? after, int? limit, ArticleQueries articles, CancellationToken ct) =>
                limit is < 1
                    ? Results.Problem("limit must be positive.", statusCode: StatusCodes.Status400BadRequest)
                    : Results.Ok(await articles.ChangesAsync(after ?? 0, Math.Min(limit ?? 100, 1000), ct)))
            .WithName("Changes")
            .WithSummary("ArticleIndexed events after a change cursor, in order (at most 1000 per call).")
            .Produces<ChangesPage>();

        app.MapGet("/articles/{id}", async (string id, ArticleQueries articles, CancellationToken ct) =>
                await articles.GetArticleAsync(id, ct) is { } article ? Results.Ok(article) : Results.NotFound())
            .WithName("GetArticle")
            .WithSummary("The whole article (newest revision) with its enrichments and all its revisions.")
            .Produces<ArticleDetail>()
            .Produces(StatusCodes.Status404NotFound);

        app.MapGet("/rejections", async (int? limit, ArticleQueries articles, CancellationToken ct) =>
            Results.Ok(await articles.RejectionsAsync(Math.Clamp(limit ?? 50, 1, 1000), ct)))
            .Produces<IReadOnlyList<ArticleRejected>>();

        app.MapGet("/status", async (ArticleQueries articles, CancellationToken ct) => Results.Ok(await articles.StatusAsync(ct)));
        return app;
    }
}
