namespace Ingestion.Evaluation.Feeds;

public static class FeedsCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("FeedsCommand is not written yet.");
        return Task.FromResult(1);
    }
}
