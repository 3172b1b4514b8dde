using Ingestion.Contracts;
using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Keywords;

/// <summary>A key phrase and its YAKE score (lower is more relevant).</summary>
public sealed record Keyphrase(string Text, double Score);

/// <summary>
/// Unsupervised key-phrase extraction in the manner of YAKE (Campos et al., 2020): each word gets a score from its
/// casing, position, frequency, spread over sentences and the variety of its neighbours; a candidate of 1–3 words
/// (no stopword or number at its edges, not crossing punctuation) scores the product of its words' scores divided by
/// its frequency. Candidates never cut through an entity mention ("Sergey Lavrov", not "Foreign Minister Sergey"),
/// and titles ("External Affairs Minister", "PM") are no candidates. Near-duplicates of a better phrase are dropped.
/// </summary>
public sealed class KeyphraseExtractor
{
    private readonly Gazetteer g;

    public KeyphraseExtractor(Gazetteer? gazetteer = null) => g = gazetteer ?? Gazetteer.Default;

    private sealed class Term
    {
        public required string Surface;
        public required string Lower;
        public required int Start;
        public required int End;
        public required int Sentence;
        public required int Block;      // terms of one block are not separated by punctuation
        public bool IsStop;
        public bool IsNumber;
        public bool Excluded;           // inside a title, or a title word
        public bool Capitalised;        // capital letter not explained by sentence start
        public bool Acronym;
    }

    private sealed class Stats
    {
        public int Tf, TfUpper, TfAcronym;
        public readonly List<int> Sentences = [];
        // Left/right neighbours: how many occurrences have one, and how many different words they are.
        public int LeftTotal, LeftDistinct, RightTotal, RightDistinct;
        public double H;
    }

    /// <param name="text">The analysed body.</param>
    /// <param name="entities">Entities of the body: phrases do not cut through their mentions.</param>
    /// <param name="excluded">Ranges that yield no phrase: titles before names, the dateline.</param>
    /// <param name="top">How many phrases to return.</param>
    /// <param name="stopwords">Lower-case function words of the text's language; English when null.</param>
    public IReadOnlyList<Keyphrase> Extract(AnalyzedText text, IReadOnlyList<Entity> entities,
        IReadOnlyList<(int Start, int End)> excluded, int top = 10, IReadOnlySet<string>? stopwords = null)
    {
        var stop = stopwords ?? g.Stopwords;
        bool IsStopword(string lower) => stop.Contains(lower);
        var terms = BuildTerms(text, excluded, IsStopword);
        if (terms.Count == 0) return [];
        var mentions = entities.SelectMany(e => e.Mentions.Select(m => (m.Start, m.End, Entity: e))).OrderBy(m => m.Start).ToList();

        // ---- word statistics
        var stats = new Dictionary<string, Stats>(StringComparer.Ordinal);
        var neighbours = new HashSet<(string Left, string Right)>();
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            if (!stats.TryGetValue(t.Lower, out var s)) stats[t.Lower] = s = new Stats();
            s.Tf++;
            if (t.Acronym) s.TfAcronym++;
            else if (t.Capitalised) s.TfUpper++;
            if (s.Sentences.Count == 0 || s.Sentences[^1] != t.Sentence) s.Sentences.Add(t.Sentence);
            if (i > 0 && terms[i - 1].Block == t.Block && !terms[i - 1].IsNumber)
            {
                var left = stats[terms[i - 1].Lower];
                var first = neighbours.Add((terms[i - 1].Lower, t.Lower));
                s.LeftTotal++;
                left.RightTotal++;
                if (first)
                {
                    s.LeftDistinct++;
                    left.RightDistinct++;
                }
            }
        }
        var content = stats.Where(kv => !IsStopword(kv.Key) && !IsNumeric(kv.Key)).Select(kv => kv.Value).ToList();
        if (content.Count == 0) return [];
        var meanTf = content.Average(s => s.Tf);
        var stdTf = Math.Sqrt(content.Average(s => (s.Tf - meanTf) * (s.Tf - meanTf)));
        var maxTf = stats.Values.Max(s => s.Tf);
        var sentenceCount = Math.Max(1, text.Sentences.Count);
        foreach (var s in stats.Values)
        {
            var tCase = Math.Max(s.TfUpper, s.TfAcronym) / (1.0 + Math.Log(s.Tf));
            var median = Median(s.Sentences);
            var tPos = Math.Log(Math.Log(3 + median));
            var tfNorm = s.Tf / (meanTf + stdTf);
            var dl = s.LeftDistinct == 0 ? 0 : s.LeftDistinct / (double)s.LeftTotal;
            var dr = s.RightDistinct == 0 ? 0 : s.RightDistinct / (double)s.RightTotal;
            var tRel = 1 + (dl + dr) * s.Tf / maxTf;
            var tSent = s.Sentences.Count / (double)sentenceCount;
            s.H = tRel * tPos / (tCase + tfNorm / tRel + tSent / tRel);
        }

        // ---- candidates
        var candidates = new Dictionary<string, (int Count, double Product, double Sum,
            List<(int I, int J)> Occurrences)>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            for (var n = 1; n <= 3 && i + n - 1 < terms.Count; n++)
            {
                var j = i + n - 1;
                if (terms[j].Block != terms[i].Block) break;
                if (terms[j].Excluded || terms[j].IsNumber) break;
                if (terms[i].Excluded || terms[i].IsNumber || terms[i].IsStop || terms[j].IsStop) continue;
                // Inside a phrase only the words that join noun phrases: "Bank of England", "inflation in Britain", not "Britain would
                // fall".
                if (n == 3 && terms[i + 1].IsStop && !PhraseJoiners.Contains(terms[i + 1].Lower)) continue;
                if (n == 1 && terms[i].Lower.Length < 3 && !terms[i].Acronym) continue;
                if (CutsMention(mentions, terms[i].Start, terms[j].End)) continue;
                // A person's name with other words ("Joe Biden met") is no phrase; places and bodies can be ("Ukraine conflict").
                if (n > 1 && ContainsPersonWithMore(mentions, terms[i].Start, terms[j].End)) continue;
                var key = n switch
                {
                    1 => terms[i].Lower,
                    2 => string.Concat(terms[i].Lower, " ", terms[j].Lower),
                    _ => string.Concat(terms[i].Lower, " ", terms[i + 1].Lower, " ", terms[j].Lower),
                };
                double product = 1, sum = 0;
                for (var k = i; k <= j; k++)
                {
                    if (terms[k].IsStop) continue;
                    var h = stats[terms[k].Lower].H;
                    product *= h;
                    sum += h;
                }
                if (!candidates.TryGetValue(key, out var c)) c = (0, product, sum, []);
                c.Count++;
                c.Occurrences.Add((i, j));
                candidates[key] = c;
            }
        }

        var ranked = candidates
            .Select(kv =>
                (Key: kv.Key, Score: Score(kv.Value.Product, kv.Value.Sum, kv.Value.Count, kv.Value.Occurrences, terms, mentions),
                kv.Value.Occurrences))
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Occurrences[0].I)
            .ToList();

        // Best score of a multi-word phrase containing each word.
        var bestPhraseWith = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in ranked)
        {
            var (first, last) = r.Occurrences[0];
            if (first == last) continue;
            for (var k = first; k <= last; k++)
            {
                var w = terms[k].Lower;
                if (!bestPhraseWith.TryGetValue(w, out var b) || r.Score < b) bestPhraseWith[w] = r.Score;
            }
        }
        var casing = new Dictionary<string, string>(StringComparer.Ordinal); // filled for the words shown

        var selected = new List<(string Key, Keyphrase Phrase)>();
        var names = 0;
        foreach (var (key, score, occurrences) in ranked)
        {
            if (selected.Count >= top) break;
            var (i, j) = occurrences[0];
            var isName = IsMention(mentions, terms[i].Start, terms[j].End);
            // "India and Russia", "India-Russia": names only, already in the entity list.
            if (!isName && OnlyNames(mentions, terms, i, j)) continue;
            // Names are the strongest YAKE candidates (capitalised, frequent); leave half the list to other phrases.
            if (isName && names >= (top + 1) / 2) continue;
            if (!isName && i == j)
            {
                // A lone past participle ("discussed", "based") is rarely a topic: there is no POS tagger here.
                var w = terms[i].Lower;
                if (g.Demonyms.Contains(terms[i].Surface)) continue; // "Russian", "Saudi": adjectives, not topics
                if (w.Length >= 6 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)) continue;
                // Prefer a phrase containing the word when it scores nearly as well ("strategic convergence" over "strategic").
                if (bestPhraseWith.TryGetValue(key, out var phraseScore) && phraseScore <= score * 1.5) continue;
            }
            var display = Display(terms, occurrences, mentions, casing);
            if (selected.Any(s => Similar(s.Key, key)
                || string.Equals(s.Phrase.Text, display, StringComparison.OrdinalIgnoreCase))) continue;
            selected.Add((key, new Keyphrase(display, score)));
            if (isName) names++;
        }
        return selected.Select(s => s.Phrase).ToList();
    }

    /// <summary>
    /// YAKE's candidate score, lower is better. A phrase of several words that occurs once and is no name is mostly
    /// an accident of the lead sentence ("resume leadership level"): on news-length texts it is penalised.
    /// </summary>
    private static double Score(double product, double sum, int count, List<(int I, int J)> occurrences, List<Term> terms,
        List<(int Start, int End, Entity Entity)> mentions)
    {
        var score = product / (count * (1 + sum));
        var (i, j) = occurrences[0];
        if (count == 1 && j > i && !IsMention(mentions, terms[i].Start, terms[j].End))
            score *= SingleOccurrencePenalty * (j - i);
        return score;
    }

    private const double SingleOccurrencePenalty = 8;

    private static readonly HashSet<string> PhraseJoiners = new(StringComparer.Ordinal) { "of", "for", "and", "in", "on", "the", "de", "&",
        "du", "des", "der", "die", "und", "la", "le", "y", "e", "et", "di", "van" };

    /// <summary>The mentions that overlap [start, end): indices [first, end) of the list sorted by start.</summary>
    private static (int First, int End) Near(List<(int Start, int End, Entity Entity)> mentions, int start, int end)
    {
        var first = FirstEndingAfter(mentions, start);
        var k = first;
        while (k < mentions.Count && mentions[k].Start < end) k++;
        return (first, k);
    }

    private static bool ContainsPersonWithMore(List<(int Start, int End, Entity Entity)> mentions, int start, int end)
    {
        var (first, stop) = Near(mentions, start, end);
        for (var k = first; k < stop; k++)
        {
            var m = mentions[k];
            if (m.Entity.Type == EntityTypes.Person && m.Start >= start && m.End <= end && (m.Start > start || m.End < end)) return true;
        }
        return false;
    }

    private static bool IsMention(List<(int Start, int End, Entity Entity)> mentions, int start, int end) =>
        ExactMention(mentions, start, end) is not null;

    /// <summary>The entity of the mention that spans exactly [start, end), or null.</summary>
    private static Entity? ExactMention(List<(int Start, int End, Entity Entity)> mentions, int start, int end)
    {
        var (first, stop) = Near(mentions, start, end);
        for (var k = first; k < stop; k++)
            if (mentions[k].Start == start && mentions[k].End == end) return mentions[k].Entity;
        return null;
    }

    /// <summary>True when every non-stopword character of terms i..j lies inside some entity mention.</summary>
    private static bool OnlyNames(List<(int Start, int End, Entity Entity)> mentions, List<Term> terms, int i, int j)
    {
        for (var k = i; k <= j; k++)
        {
            if (terms[k].IsStop) continue;
            var t = terms[k];
            // A hyphenated compound is covered when each of its letters is inside a mention.
            for (var c = t.Start; c < t.End; c++)
            {
                if (!char.IsLetterOrDigit(t.Surface[c - t.Start])) continue;
                var (first, stop) = Near(mentions, c, c + 1);
                if (first == stop) return false;
            }
        }
        return true;
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
            if (!char.IsDigit(c)) return false;
        return true;
    }

    private static bool IsNumeric(string s) => s.All(c => char.IsDigit(c) || c is '-' or '.' or ',');

    /// <summary>The median of values sorted ascending (sentence numbers are added in reading order).</summary>
    private static double Median(List<int> sorted)
    {
        var m = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }

    /// <summary>True when [start, end) cuts through an entity mention instead of containing it whole or missing it.</summary>
    private static bool CutsMention(List<(int Start, int End, Entity Entity)> mentions, int start, int end)
    {
        // Mentions are sorted by start and do not overlap: only those near [start, end) matter.
        var k = FirstEndingAfter(mentions, start);
        for (; k < mentions.Count && mentions[k].Start < end; k++)
        {
            var m = mentions[k];
            var inside = m.Start >= start && m.End <= end;
            if (!inside) return true;
        }
        return false;
    }

    /// <summary>Index of the first mention whose End is after pos (mentions sorted by Start, not overlapping).</summary>
    private static int FirstEndingAfter(List<(int Start, int End, Entity Entity)> mentions, int pos)
    {
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].End <= pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>How a lower-cased word should be written: as a name or acronym when it mostly appears so, else lower-case.</summary>
    private static string CasingOf(List<Term> terms, string lower, Dictionary<string, string> known)
    {
        if (known.TryGetValue(lower, out var written)) return written;
        var group = terms.Where(t => t.Lower == lower).ToList();
        var upper = group.Where(t => t.Capitalised || t.Acronym).ToList();
        var plain = upper.Count + group.Count(t => !(t.Capitalised || t.Acronym) && t.Surface == t.Lower);
        written = upper.Count * 2 > plain && plain > 0
            ? upper.GroupBy(t => t.Surface).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
            : lower;
        known[lower] = written;
        return written;
    }

    /// <summary>The entity's canonical name when the phrase is exactly a mention; else the words as written, lower-cased unless they are
    /// names or acronyms.</summary>
    private static string Display(List<Term> terms, List<(int I, int J)> occurrences, List<(int Start, int End, Entity Entity)> mentions,
        Dictionary<string, string> casing)
    {
        foreach (var (i, j) in occurrences)
            if (ExactMention(mentions, terms[i].Start, terms[j].End) is { } entity) return entity.Name;
        var (fi, fj) = occurrences[0];
        return string.Join(' ', Enumerable.Range(fi, fj - fi + 1).Select(k => CasingOf(terms, terms[k].Lower, casing)));
    }

    /// <summary>Phrases that differ by little more than an inflection ("relation"/"relations").</summary>
    private static bool Similar(string a, string b)
    {
        var d = Levenshtein(a, b);
        return 1.0 - d / (double)Math.Max(a.Length, b.Length) >= 0.8;
    }

    private static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    private List<Term> BuildTerms(AnalyzedText text, IReadOnlyList<(int Start, int End)> titles, Func<string, bool> isStopword)
    {
        var tokens = text.Tokens;
        var terms = new List<Term>();
        var block = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                block++;
                i++;
                continue;
            }
            if (i > 0 && terms.Count > 0 && terms[^1].Sentence != t.Sentence) block++;

            // Hyphenated compounds are one term: "India-Russia", "North-South", "free-trade".
            var j = i;
            while (j + 2 < tokens.Count && tokens[j + 1].Text is "-" or "‑" && !tokens[j + 1].SpaceBefore
                   && tokens[j + 2].Kind is TokenKind.Word or TokenKind.Number && !tokens[j + 2].SpaceBefore)
                j += 2;
            var start = t.Start;
            var end = tokens[j].End;
            var surface = text.Text[start..end];
            var lower = surface.ToLowerInvariant();
            var inTitle = false;
            foreach (var r in titles) inTitle |= start < r.End && r.Start < end;
            var titleWord = j == i && (g.TitleHeads.Contains(surface) && !g.WeakTitleHeads.Contains(surface));
            var isNumber = j == i && t.Kind == TokenKind.Number;
            if (!isNumber)
            {
                isNumber = true;
                for (var k = i; k <= j && isNumber; k++) isNumber = tokens[k].Kind != TokenKind.Word || IsDigits(tokens[k].Text);
            }
            terms.Add(new Term
            {
                Surface = surface,
                Lower = lower,
                Start = start,
                End = end,
                Sentence = t.Sentence,
                Block = block,
                IsStop = isStopword(lower) || g.NonEntities.Contains(surface),
                IsNumber = isNumber,
                Excluded = inTitle || titleWord,
                Capitalised = char.IsUpper(surface[0]) && !t.CapitalIsAmbiguous,
                Acronym = surface.Length >= 2 && Token.AllCapitals(surface),
            });
            i = j + 1;
        }
        return terms;
    }
}
