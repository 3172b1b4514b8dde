namespace Ingestion.Evaluation.Ner;

public static class NerCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("NerCommand is not written yet.");
        return Task.FromResult(1);
    }
}
