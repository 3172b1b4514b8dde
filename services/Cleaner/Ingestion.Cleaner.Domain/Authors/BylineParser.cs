using System.Text.RegularExpressions;
using Ingestion.Cleaner.Domain.Dates;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Authors;

/// <summary>What a byline or date line says.</summary>
internal sealed record Byline(IReadOnlyList<string> Authors, string? Agency, DateTimeOffset? Published, DateTimeOffset? Modified);

/// <summary>
/// Reads byline and date lines in any order of their parts: "date 2023-12-27 Yeshi Seli By",
/// "By Jane Doe | Updated: 12 March 2024", "Jane Doe and John Roe, Reuters · March 3, 2024 10:30 AM EST",
/// "Published: 2024-03-03". A line is a byline when it says "By" and names someone, or holds a date and
/// nothing but names and labels besides.
/// </summary>
internal static partial class BylineParser
{
    private const int MaxWords = 30;

    [GeneratedRegex(@"(?:^|[\s|:(\[])(?:by|BY|By)(?=$|[\s:])", RegexOptions.CultureInvariant)]
    private static partial Regex ByWord();

    [GeneratedRegex(@"\b(?:updated|modified|edited|revised|last\s+updated)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdatedLabel();

    [GeneratedRegex(@"\b(?:published|posted|first\s+published|created|date|dated|issued)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLabel();

    [GeneratedRegex(@"\b(?:date|dated|published|posted|updated|last\s+updated|first\s+published|modified|created|issued|on|at|by|written|"
        + @"reported|story|print\s+edition|edition|time|timestamp)\b\s*:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelWords();

    [GeneratedRegex(@"\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|months?|years?|secs?|seconds?)\b(?:\s+(?:ago|read))?|\b\d{1,"
        + @"2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4}))?\b|\b(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|"
            + @"urday)?\b,?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeResidue();

    /// <summary>The byline's content, or null when the line is not a byline or date line.</summary>
    public static Byline? Parse(string line)
    {
        var text = TextNormalizer.CollapseWhitespace(line);
        if (text.Length == 0 || TextNormalizer.WordCount(text) > MaxWords) return null;

        var dates = DateParsing.FindDates(text);
        DateTimeOffset? published = null, modified = null;
        var rest = text;
        var previousEnd = 0;
        var residue = new System.Text.StringBuilder();
        foreach (var d in dates)
        {
            var before = text[previousEnd..d.Index];
            var labelWindow = before.Length > 30 ? before[^30..] : before;
            if (UpdatedLabel().IsMatch(labelWindow)) modified ??= d.Value;
            else if (PublishedLabel().IsMatch(labelWindow) || published is null) published ??= d.Value;
            else modified ??= d.Value;
            residue.Append(before).Append(" | ");
            previousEnd = d.Index + d.Length;
        }
        residue.Append(text[previousEnd..]);
        rest = residue.ToString();

        var hasBy = ByWord().IsMatch(rest);
        if (dates.Count == 0 && !hasBy) return null;

        rest = TimeResidue().Replace(rest, " | ");
        rest = LabelWords().Replace(rest, " | ");
        var authors = AuthorNames.Parse(rest, allowSingleWord: false);

        var recognised = hasBy
            ? authors.Names.Count > 0 || authors.Agency is not null || dates.Count > 0 && authors.UnreadWords <= 2
            : authors.UnreadWords <= 2;
        if (!recognised) return null;

        // A line that only says "Updated: ..." still dates the story.
        published ??= modified;
        return new Byline(authors.Names, authors.Agency, published, modified);
    }
}
