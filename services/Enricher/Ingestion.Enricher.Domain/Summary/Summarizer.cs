using System.Text.RegularExpressions;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Summary;

/// <summary>
/// Extractive summary: picks 2–3 sentences by a lead-biased score (news puts the gist first) plus overlap with the
/// article's key phrases, and returns them in reading order. A sentence is never cut: where a quotation runs over
/// several sentences, those sentences form one unit, taken whole or not at all (and such units are disfavoured).
/// A dateline ("NEW DELHI:") is dropped from the first sentence.
/// </summary>
public static partial class Summarizer
{
    private const int MinWords = 6;
    private const int MaxWords = 60;
    private const int MaxChars = 650;

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}\p{M} .,'’\-]{1,40}?(?:\s*\([^)]{1,30}\))?\s*(?:[:—–]|-(?=\s))\s*")]
    private static partial Regex ShoutedDateline();

    private sealed record Unit(int Index, int Start, int End, int Sentences, int Words, bool HasQuote);

    public static string Summarize(AnalyzedText text, IReadOnlyList<string> keyphrases,
        IReadOnlyList<(int Start, int End)> quoteRanges, string? dateline = null)
    {
        var units = BuildUnits(text, quoteRanges);
        if (units.Count == 0) return "";

        var eligible = units.Where(u => u.Words is >= MinWords and <= MaxWords).ToList();
        if (eligible.Count == 0) eligible = units.Where(u => u.Words <= MaxWords * 2).ToList();
        if (eligible.Count == 0) eligible = [units[0]];

        // Key-phrase overlap, weighted by rank.
        var kwScores = new double[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            var s = text.Text[units[u].Start..units[u].End].ToLowerInvariant();
            double score = 0;
            for (var r = 0; r < keyphrases.Count; r++)
                if (ContainsPhrase(s, keyphrases[r].ToLowerInvariant())) score += 1.0 - r / (double)(keyphrases.Count + 1);
            kwScores[u] = score / Math.Sqrt(Math.Max(1, units[u].Words) / 10.0);
        }
        var maxKw = kwScores.DefaultIfEmpty(0).Max();

        var scored = eligible
            .Select(u =>
            {
                var lead = 1.0 / Math.Sqrt(1 + u.Index);
                var kw = maxKw > 0 ? kwScores[u.Index] / maxKw : 0;
                var score = 0.6 * lead + 0.4 * kw;
                if (u.HasQuote) score *= 0.75;
                if (StartsWithAnaphor(text, u)) score *= 0.7; // "He added that ..." reads badly out of context
                if (u.Sentences > 1) score *= 0.6;
                return (Unit: u, Score: score);
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Unit.Index)
            .ToList();

        var want = eligible.Count >= 6 ? 3 : Math.Min(2, eligible.Count);
        var chosen = new List<Unit>();
        var chars = 0;
        foreach (var (unit, _) in scored)
        {
            if (chosen.Count >= want) break;
            var length = unit.End - unit.Start;
            if (chosen.Count >= 2 && chars + length > MaxChars) continue;
            chosen.Add(unit);
            chars += length;
        }

        var parts = chosen.OrderBy(u => u.Index).Select(u => Clean(text.Text[u.Start..u.End], u.Start == 0, dateline));
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    private static List<Unit> BuildUnits(AnalyzedText text, IReadOnlyList<(int Start, int End)> quoteRanges)
    {
        var units = new List<Unit>();
        var sentences = text.Sentences;
        var i = 0;
        while (i < sentences.Count)
        {
            var start = sentences[i].Start;
            var end = sentences[i].End;
            var j = i;
            // Extend while a quotation starts inside the unit and ends after it.
            while (j + 1 < sentences.Count && quoteRanges.Any(q => q.Start < end && q.End > end))
            {
                j++;
                end = sentences[j].End;
            }
            var words = 0;
            for (var k = i; k <= j; k++)
            {
                var (first, after) = text.SentenceTokens[k];
                for (var t = first; t < after; t++)
                    if (text.Tokens[t].Kind is TokenKind.Word or TokenKind.Number) words++;
            }
            var hasQuote = quoteRanges.Any(q => q.Start < end && start < q.End);
            units.Add(new Unit(units.Count, start, end, j - i + 1, words, hasQuote));
            i = j + 1;
        }
        return units;
    }

    private static readonly HashSet<string> Anaphors = new(StringComparer.Ordinal)
    {
        "He", "She", "They", "It", "This", "These", "Those", "That", "We", "I", "His", "Her", "Their", "Its", "Such", "Also", "But",
    };

    private static bool StartsWithAnaphor(AnalyzedText text, Unit u)
    {
        var first = text.Tokens.FirstOrDefault(t => t.Start >= u.Start && t.Kind == TokenKind.Word);
        return first is not null && first.Start < u.End && Anaphors.Contains(first.Text);
    }

    private static bool ContainsPhrase(string haystack, string phrase)
    {
        var at = 0;
        while ((at = haystack.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !char.IsLetterOrDigit(haystack[at - 1]);
            var afterIndex = at + phrase.Length;
            var after = afterIndex >= haystack.Length || !char.IsLetterOrDigit(haystack[afterIndex]);
            if (before && after) return true;
            at++;
        }
        return false;
    }

    private static string Clean(string sentence, bool atBodyStart, string? dateline)
    {
        var s = sentence.Trim();
        if (atBodyStart) s = s[DatelineLength(s, dateline)..];
        return s;
    }

    /// <summary>
    /// Length of the dateline that opens a body ("NEW DELHI: ", "Moscow, Dec 27 —" when the article's dateline is
    /// "Moscow"), including the separator and the space after it; 0 when there is none.
    /// </summary>
    public static int DatelineLength(string body, string? dateline)
    {
        var lead = body.Length - body.TrimStart().Length;
        var s = body[lead..];
        if (!string.IsNullOrWhiteSpace(dateline) && s.StartsWith(dateline, StringComparison.OrdinalIgnoreCase))
        {
            var k = dateline.Length;
            while (k < s.Length && s[k] == ' ') k++;
            if (k < s.Length && s[k] is ':' or '—' or '–' or '-')
            {
                k++;
                while (k < s.Length && char.IsWhiteSpace(s[k])) k++;
                return k < s.Length ? lead + k : 0;
            }
        }
        var m = ShoutedDateline().Match(s);
        if (m.Success && m.Value.Count(char.IsLetter) >= 3 && s.Length > m.Length) return lead + m.Length;
        return 0;
    }
}
