namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// Finds paragraphs that repeat text already present: exact repeats, and "run-on" copies of the body whose sentences
/// mostly appear in other paragraphs (a text dump that holds the article twice, a teaser repeating the lead).
/// Paragraphs are considered smallest first, so the run-on copy is the one dropped wherever it stands, and the
/// separate paragraphs are kept in reading order.
/// </summary>
internal static class RepeatedParagraphs
{
    /// <summary>Share of a paragraph's sentences (by count or by characters) seen elsewhere that makes it a repeat.</summary>
    public const double DefaultThreshold = 0.7;

    /// <summary>For each paragraph, true when it should be kept.</summary>
    /// <param name="paragraphs">The paragraphs in reading order.</param>
    /// <param name="threshold">Share of sentences seen elsewhere that makes a paragraph a run-on copy.</param>
    /// <param name="shortRepeatWords">Exact repeats with fewer words than this are kept: in a page's markup, short
    /// lines recur by design (a recipe's "Portion: 1 cup" under each day, a "Step 2" label), while a template that
    /// prints the body twice repeats long paragraphs.</param>
    public static bool[] Keep(IReadOnlyList<string> paragraphs, double threshold = DefaultThreshold, int shortRepeatWords = 0)
    {
        var keep = new bool[paragraphs.Count];
        var sentenceKeys = new List<string>[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            sentenceKeys[i] = [];
            foreach (var s in Sentences.Split(paragraphs[i]))
            {
                var key = TextNormalizer.Key(s);
                if (key.Length >= 3) sentenceKeys[i].Add(key);
            }
        }

        var order = Enumerable.Range(0, paragraphs.Count)
            .OrderBy(i => sentenceKeys[i].Count)
            .ThenBy(i => i)
            .ToList();

        var seenParagraphs = new HashSet<string>(StringComparer.Ordinal);
        var seenSentences = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in order)
        {
            var whole = TextNormalizer.Key(paragraphs[i]);
            if (whole.Length == 0)
            {
                keep[i] = true;
                continue;
            }
            if (!seenParagraphs.Add(whole) && TextNormalizer.WordCount(paragraphs[i]) >= shortRepeatWords) continue;

            var keys = sentenceKeys[i];
            if (keys.Count >= 2)
            {
                int covered = 0, coveredChars = 0, totalChars = 0;
                foreach (var k in keys)
                {
                    totalChars += k.Length;
                    if (!seenSentences.Contains(k)) continue;
                    covered++;
                    coveredChars += k.Length;
                }
                if (covered >= 2 && (covered >= threshold * keys.Count || coveredChars >= threshold * totalChars))
                    continue;
            }
            keep[i] = true;
            foreach (var k in keys) seenSentences.Add(k);
        }
        return keep;
    }
}
