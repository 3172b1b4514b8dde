using System.Text;

namespace Ingestion.IntegrationTests;

/// <summary>Distinct, article-like text documents for tests that need many of them.</summary>
public static class SyntheticArticles
{
    static readonly string[] Subjects = ["The city council", "A regional court", "The national bank", "Farmers in the valley",
        "The harbour authority", "Local teachers", "The energy ministry", "A group of engineers", "The river commission", "Hospital staff"];
    static readonly string[] Verbs = ["approved", "rejected", "debated", "postponed", "announced", "criticised", "welcomed", "reviewed"];
    static readonly string[] Objects = ["a plan to rebuild the old bridge", "new rules for night trains", "a budget for public parks",
        "the expansion of the airport", "a study of groundwater levels", "a programme for apprentices", "changes to school meals",
        "a fund for flood defences", "the merger of two clinics", "a tender for electric buses"];

    public static void Write(string folder, int from, int count)
    {
        for (var i = from; i < from + count; i++)
            File.WriteAllText(Path.Combine(folder, $"article-{i:D4}.txt"), Text(i));
    }

    public static string Text(int n)
    {
        var rng = new Random(n * 7919 + 17);
        var sb = new StringBuilder();
        sb.Append($"date 2024-03-{1 + n % 28:D2} Reporter Number{n} By\n\nTest News Service\n\n");
        for (var p = 0; p < 5; p++)
        {
            for (var s = 0; s < 4; s++)
                sb.Append($"{Pick(rng, Subjects)} {Pick(rng, Verbs)} {Pick(rng, Objects)} in district {n}-{p}-{s} on day {rng.Next(1, 400)}. ");
            sb.Append("\n\n");
        }
        return sb.ToString();
    }

    static string Pick(Random rng, string[] items) => items[rng.Next(items.Length)];
}
