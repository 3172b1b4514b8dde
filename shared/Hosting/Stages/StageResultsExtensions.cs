using Ingestion.Hosting.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Hosting.Stages;

public static class StageResultsExtensions
{
    /// <summary>
    /// The <see cref="StageResultStore"/> (a stage's stored outcome per article revision) and its table: the service's
    /// schema gets shared/Hosting's <c>stage_results</c> migration at start-up.
    /// </summary>
    public static WebApplicationBuilder AddStageResults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StageResultStore>();
        builder.Services.AddSingleton(new SharedMigrations(typeof(StageResultStore).Assembly));
        return builder;
    }
}
