namespace Ingestion.Evaluation;

public static class Usage
{
    public static int Print()
    {
        Console.Error.WriteLine("""
            usage: dotnet run -c Release --project tools/Ingestion.Evaluation -- COMMAND ...
              feeds DIR                               feed parser conformance (feedparser, gofeed, real feeds) under DIR (../shared/corpus/feeds)
              extraction DIR                          article body extraction scored like the scrapinghub benchmark (../shared/corpus/extraction/scrapinghub)
                [--extractor ours|smartreader] [--dump OUT]  smartreader: SmartReader 0.11.1 on the same pages, same metric and timing
              extract --input DIR --output FILE.json  run the cleaner over every *.html / *.html.gz in DIR
              metadata DIR                            title / author / date accuracy (../shared/corpus/metadata)
              ner FILE.spans.jsonl [--output P.jsonl] named-entity recognition scored by exact span and type
                [--recognizer combined|model|rules] [--model M.bin.gz]  M: a model the training command wrote
            """);
        return 2;
    }

    /// <summary>A corpus that is absent is said plainly: the command reports SKIPPED and exits 0 without a score.</summary>
    public static int Missing(string what, string path)
    {
        Console.WriteLine($"SKIPPED: {what} not found at {Path.GetFullPath(path)} (the shared corpus is not beside this clone)");
        return 0;
    }
}
