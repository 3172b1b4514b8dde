using Ingestion.Fetcher;
using Ingestion.Fetcher.Api;
using Ingestion.Fetcher.Domain.Http;
using Ingestion.Fetcher.Sources;
using Ingestion.Fetcher.Storage;
using Ingestion.Hosting;

var builder = IngestionHost.CreateBuilder("fetcher", args);
var options = builder.Configuration.GetSection("Fetcher").Get<FetcherOptions>() ?? new FetcherOptions();
if (options.Problems().ToList() is { Count: > 0 } problems)
    throw new InvalidOperationException("Invalid configuration: " + string.Join(" ", problems));
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(new FetchLimits
{
    Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
    MaxBodyBytes = options.MaxPageBytes,
    MaxRedirects = options.MaxRedirects,
    AllowLoopback = options.AllowLoopback,
    AllowPrivate = options.AllowPrivate,
    UserAgent = options.UserAgent,
});
builder.Services.AddHttpClient<PageDownloader>()
    .ConfigurePrimaryHttpMessageHandler(sp => SafeHttpHandlerFactory.Create(sp.GetRequiredService<FetchLimits>()));
builder.Services.AddSingleton<PageStore>();
builder.Services.AddSingleton<FeedStore>();
builder.Services.AddSingleton<PollHistoryStore>();
builder.Services.AddSingleton<FailureStore>();
builder.Services.AddSingleton<ArticlePublisher>();
builder.Services.AddSingleton<FolderIngestor>();
builder.Services.AddSingleton<HostSlots>();
builder.Services.AddSingleton<HostGate>();
builder.Services.AddSingleton<FetcherMetrics>();
builder.Services.AddSingleton<FeedIngestor>();
builder.Services.AddHostedService<FetchWorker>();

var app = builder.Build();
app.MapFeedApi();
await app.RunIngestionAsync();
