namespace Ingestion.Evaluation.Metadata;

public static class MetadataCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("MetadataCommand is not written yet.");
        return Task.FromResult(1);
    }
}
