namespace Ingestion.Benchmarks;

/// <summary>The list of harnesses: add one line per harness.</summary>
internal static class HarnessRegistry
{
    public static void RegisterAll()
    {
        Harnesses.Register("extraction", Extraction.ExtractionHarness.RunAsync);
        Harnesses.Register("search", Search.SearchHarness.RunAsync);
        Harnesses.Register("indexing", Indexing.IndexingHarness.RunAsync);
        Harnesses.Register("vectors", Vectors.VectorsHarness.RunAsync);
        Harnesses.Register("enrichment", EnricherThroughput.EnrichmentHarness.RunAsync);
        Harnesses.Register("language", EnricherThroughput.LanguageHarness.RunAsync);
        Harnesses.Register("feeds-304", Feeds.UnchangedFeedsHarness.RunAsync);
        Harnesses.Register("chaos", Chaos.ChaosHarness.RunAsync);
        Harnesses.Register("pipeline", Pipeline.PipelineHarness.RunAsync);
        Harnesses.Register("stages", Pipeline.StagesHarness.RunAsync);
    }
}
