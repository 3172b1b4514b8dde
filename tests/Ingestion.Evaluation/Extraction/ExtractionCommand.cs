namespace Ingestion.Evaluation.Extraction;

public static class ExtractionCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("ExtractionCommand is not written yet.");
        return Task.FromResult(1);
    }
}
