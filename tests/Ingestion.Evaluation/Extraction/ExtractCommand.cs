namespace Ingestion.Evaluation.Extraction;

public static class ExtractCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("ExtractCommand is not written yet.");
        return Task.FromResult(1);
    }
}
