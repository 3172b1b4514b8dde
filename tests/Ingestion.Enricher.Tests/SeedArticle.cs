using Ingestion.Contracts;

namespace Ingestion.Enricher.Tests;

/// <summary>The seed document (seeds/000_07d19f153c2cce90.txt) as the cleaner should hand it over.</summary>
internal static class SeedArticle
{
    public const string FileName = "000_07d19f153c2cce90.txt";

    public static string SeedPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", FileName);
            if (File.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new FileNotFoundException($"seeds/{FileName} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Body paragraphs: the non-empty lines from line 5 on, up to the "ALSO READ" line.</summary>
    public static IReadOnlyList<string> Paragraphs()
    {
        var lines = File.ReadAllLines(SeedPath());
        var paragraphs = new List<string>();
        for (var i = 4; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("ALSO READ", StringComparison.Ordinal)) break;
            if (line.Length > 0) paragraphs.Add(line);
        }
        return paragraphs;
    }

    public static CleanedArticle Article(string? language = null) => Make(Paragraphs(), language, "New Delhi");

    public static CleanedArticle Make(IReadOnlyList<string> paragraphs, string? language = null, string? dateline = null) =>
        new(
            ArticleId: "seed-000",
            Revision: 1,
            Url: "file:///seeds/" + FileName,
            Title: "India, Russia likely to resume leadership level talks in 2024: Jaishankar",
            Authors: ["Yeshi Seli"],
            Published: new DateTimeOffset(2023, 12, 27, 0, 0, 0, TimeSpan.Zero),
            Modified: null,
            Language: language,
            SiteName: "Express News Service",
            Dateline: dateline,
            Description: null,
            ImageUrl: null,
            Paragraphs: paragraphs,
            Source: new SourceRef("folder", "seeds", "seeds/"),
            FetchedAt: new DateTimeOffset(2023, 12, 27, 12, 0, 0, TimeSpan.Zero));

    public static CleanedArticle FromText(string body, string? language = null) =>
        Make(body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), language);
}
