using System.Globalization;
using System.Text;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Entities;

/// <summary>
/// Rule-based named-entity recogniser: capitalised word sequences are candidates; the gazetteer, name patterns
/// ("... Union", "Ministry of ..."), titles ("PM", "Foreign Minister"), given names and context cues ("said X",
/// "in X") give them a type; a candidate nothing explains is dropped, unless it repeats a name found elsewhere
/// ("Lavrov" after "Sergey Lavrov"). Thread-safe: it keeps no state between calls.
/// </summary>
public sealed class EntityRecognizer : IEntityRecognizer
{
    private readonly Gazetteer g;

    /// <summary>Lower-case words that may join capitalised words into one name.</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "the", "&" };

    /// <summary>Name particles: "Ursula von der Leyen", "Mohammed bin Salman", "Lula da Silva".</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "bint", "ibn",
        "al", "el", "la", "le", "y", "zu", "abu",
    };

    public EntityRecognizer(Gazetteer? gazetteer = null) => g = gazetteer ?? Gazetteer.Default;

    private sealed class Candidate
    {
        public required int First;       // token index
        public required int Last;        // token index, inclusive
        public required string Name;
        public string? Type;
        public string? GazetteerId;
        public double Confidence;
        public bool Ambiguous;           // first word's capital may just start a sentence
        public int Words;
    }

    private sealed class Context(AnalyzedText text)
    {
        public readonly AnalyzedText Text = text;
        public IReadOnlyList<Token> Tokens => Text.Tokens;
        public readonly List<Candidate> Candidates = [];
        public readonly List<(int Start, int End)> Titles = [];
    }

    public RecognitionResult Recognize(AnalyzedText text)
    {
        var ctx = new Context(text);
        foreach (var span in RawSpans(text)) Analyse(ctx, span);
        ApplyCues(ctx);
        Propagate(ctx);
        Vote(ctx);

        var tokens = text.Tokens;
        var spans = ctx.Candidates
            .Where(c => c.Type is not null)
            .OrderBy(c => c.First)
            .Select(c => new EntitySpan(tokens[c.First].Start, tokens[c.Last].End, c.Type!, c.Name, c.GazetteerId, c.Confidence))
            .ToList();
        var titles = ctx.Titles.OrderBy(t => t.Start).ToList();
        return new RecognitionResult(spans, titles);
    }

    // ---------------------------------------------------------------- candidate spans

    private static bool IsNameToken(Token t)
    {
        if (t.Kind != TokenKind.Word) return false;
        if (char.IsUpper(t.Text[0])) return true;
        // "G20" starts upper-case anyway; "e-Commerce" or "iPhone" are not names here.
        return false;
    }

    /// <summary>Maximal runs of capitalised words, joined by single spaces, hyphens, initials' dots, particles and connectors.</summary>
    private IEnumerable<List<int>> RawSpans(AnalyzedText text)
    {
        var tokens = text.Tokens;
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNameToken(tokens[i]))
            {
                i++;
                continue;
            }
            var span = new List<int> { i };
            var j = i;
            while (true)
            {
                var k = TryExtend(tokens, j);
                if (k.Count == 0) break;
                span.AddRange(k);
                j = span[^1];
            }
            yield return span;
            i = j + 1;
        }
    }

    /// <summary>Indices of the tokens that continue a name after token j (ending with a name token), or empty.</summary>
    private List<int> TryExtend(IReadOnlyList<Token> tokens, int j)
    {
        var cur = tokens[j];
        var next = j + 1;
        if (next >= tokens.Count) return [];
        var n = tokens[next];
        if (n.LineBreakBefore) return [];

        // "Guinea-Bissau", "India-Russia", "North-South": a hyphen without spaces.
        if (n.Text is "-" or "‑" && !n.SpaceBefore && next + 1 < tokens.Count && IsNameToken(tokens[next + 1])
            && !tokens[next + 1].SpaceBefore)
            return [next, next + 1];

        // "S. Jaishankar", "Mr. Smith": a dot after an initial or a title abbreviation.
        if (n.Text == "." && !n.SpaceBefore && next + 1 < tokens.Count && IsNameToken(tokens[next + 1])
            && tokens[next + 1].SpaceBefore && !tokens[next + 1].LineBreakBefore
            && ((cur.Text.Length == 1 && char.IsUpper(cur.Text[0])) || (g.TitleHeads.Contains(cur.Text + "."))))
            return [next, next + 1];

        if (!n.SpaceBefore) return [];
        if (IsNameToken(n)) return [next];

        // "Bank of England", "Bank for International Settlements", "Ursula von der Leyen", "Johnson & Johnson".
        var m = next;
        var joined = new List<int>();
        while (m < tokens.Count && !tokens[m].LineBreakBefore && tokens[m].SpaceBefore
               && (Connectors.Contains(tokens[m].Text) || Particles.Contains(tokens[m].Text)) && joined.Count < 3)
        {
            joined.Add(m);
            m++;
        }
        if (joined.Count > 0 && m < tokens.Count && IsNameToken(tokens[m]) && tokens[m].SpaceBefore && !tokens[m].LineBreakBefore)
        {
            // "the" only directly after "of"/"for" ("Bank of the Philippine Islands").
            if (tokens[joined[0]].Text == "the") return [];
            joined.Add(m);
            return joined;
        }
        return [];
    }

    // ---------------------------------------------------------------- analysis of one span

    private string Key(Context ctx, IReadOnlyList<int> idx, int from, int to)
    {
        // Surface text with whitespace collapsed.
        var tokens = ctx.Tokens;
        var sb = new StringBuilder();
        for (var k = from; k <= to; k++)
        {
            var t = tokens[idx[k]];
            if (k > from && t.SpaceBefore) sb.Append(' ');
            sb.Append(t.Text);
        }
        return sb.ToString();
    }

    private static bool IsShouted(Context ctx, IReadOnlyList<int> idx, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            var t = ctx.Tokens[idx[k]];
            if (t.Kind == TokenKind.Word && !t.IsAllCaps) return false;
        }
        return true;
    }

    private GazetteerEntry? LookupRange(Context ctx, IReadOnlyList<int> idx, int from, int to)
    {
        var key = Key(ctx, idx, from, to);
        var shouted = IsShouted(ctx, idx, from, to) && key.Length > 1;
        return g.Lookup(key, shouted);
    }

    private bool IsPunctOrConnector(Token t) =>
        t.Kind != TokenKind.Word || Connectors.Contains(t.Text) || Particles.Contains(t.Text);

    private void Analyse(Context ctx, List<int> span)
    {
        var tokens = ctx.Tokens;
        var idx = new List<int>(span);

        // Drop words capitalised only because a sentence starts with them ("The", "It", "As", "And our leaders").
        while (idx.Count > 0)
        {
            var t = tokens[idx[0]];
            if (IsPunctOrConnector(t))
            {
                idx.RemoveAt(0);
                continue;
            }
            if (t.CapitalIsAmbiguous && (g.SentenceStarters.Contains(t.Text) || g.IsStopword(t.Text))
                && LongestMatch(ctx, idx, 0) is null)
            {
                idx.RemoveAt(0);
                continue;
            }
            break;
        }
        while (idx.Count > 0 && IsPunctOrConnector(tokens[idx[^1]]) && tokens[idx[^1]].Text != ".") idx.RemoveAt(idx.Count - 1);
        while (idx.Count > 0 && tokens[idx[^1]].Kind != TokenKind.Word) idx.RemoveAt(idx.Count - 1);
        if (idx.Count == 0) return;

        var words = idx.Where(k => tokens[k].Kind == TokenKind.Word && !Connectors.Contains(tokens[k].Text)
            && !Particles.Contains(tokens[k].Text)).ToList();
        var firstWord = tokens[words[0]].Text;
        var lastWord = tokens[words[^1]].Text;
        var connectorAt = idx.FindIndex(k => tokens[k].Text is "of" or "for");

        // 1. A listed name, as a whole.
        var whole = LookupRange(ctx, idx, 0, idx.Count - 1);
        if (whole is not null)
        {
            Emit(ctx, idx, 0, idx.Count - 1, whole.Type, whole, 1.0);
            return;
        }

        // 2. Name patterns on the whole span.
        if (words.Count >= 2 && g.OrgSuffixes.Contains(lastWord))
        {
            if (connectorAt < 0 || g.OrgPrefixes.Contains(tokens[idx[connectorAt - 1]].Text)
                || g.OrgSuffixes.Contains(tokens[idx[connectorAt - 1]].Text))
            {
                Emit(ctx, idx, 0, idx.Count - 1, EntityTypes.Organisation, null, 0.8);
                return;
            }
        }
        if (words.Count >= 2 && g.LocSuffixes.Contains(lastWord) && connectorAt < 0 && !g.TitleHeads.Contains(firstWord))
        {
            Emit(ctx, idx, 0, idx.Count - 1, EntityTypes.Location, null, 0.7);
            return;
        }
        if (g.MiscSuffixes.Contains(lastWord))
        {
            // An event, document or programme: keep only the listed names inside it.
            Decompose(ctx, idx.GetRange(0, idx.Count - 1), gazetteerOnly: true);
            return;
        }

        // 3. Titles: "Russian Foreign Minister Sergey Lavrov", "PM Modi", "Secretary of State Antony Blinken".
        if (TryTitle(ctx, idx)) return;

        // 4. "Ministry of External Affairs", "Bank of England", "Gulf of Mexico", "Lake Victoria".
        if (connectorAt > 0 && connectorAt < idx.Count - 1)
        {
            var head = tokens[idx[connectorAt - 1]].Text;
            if (g.OrgPrefixes.Contains(head) || g.OrgSuffixes.Contains(head))
            {
                Emit(ctx, idx, 0, idx.Count - 1, EntityTypes.Organisation, null, 0.8);
                return;
            }
            if (g.LocPrefixes.Contains(firstWord) && connectorAt == 1)
            {
                Emit(ctx, idx, 0, idx.Count - 1, EntityTypes.Location, null, 0.8);
                return;
            }
        }
        if (words.Count >= 2 && connectorAt < 0 && g.LocPrefixes.Contains(firstWord))
        {
            Emit(ctx, idx, 0, idx.Count - 1, EntityTypes.Location, null, 0.7);
            return;
        }

        // 5. Connectors that no pattern explained split the span: "Protocol on Consultations", "India for".
        if (idx.Any(k => Connectors.Contains(tokens[k].Text)))
        {
            var seg = new List<int>();
            foreach (var k in idx)
            {
                if (Connectors.Contains(tokens[k].Text))
                {
                    if (seg.Count > 0) Analyse(ctx, seg);
                    seg = [];
                }
                else seg.Add(k);
            }
            if (seg.Count > 0) Analyse(ctx, seg);
            return;
        }

        // 6. Listed names inside, then what is left.
        Decompose(ctx, idx, gazetteerOnly: false);
    }

    private bool IsTitleHeadAt(Context ctx, List<int> idx, int p)
    {
        var w = ctx.Tokens[idx[p]].Text;
        if (ctx.Tokens[idx[p]].Kind != TokenKind.Word) return false;
        if (!g.TitleHeads.Contains(w)) return false;
        if (g.WeakTitleHeads.Contains(w))
            return p > 0 && g.IsTitleWord(ctx.Tokens[idx[p - 1]].Text) && ctx.Tokens[idx[p - 1]].Kind == TokenKind.Word;
        return true;
    }

    private bool TryTitle(Context ctx, List<int> idx)
    {
        var tokens = ctx.Tokens;
        var h = -1;
        for (var p = idx.Count - 1; p >= 0; p--)
        {
            if (IsTitleHeadAt(ctx, idx, p))
            {
                h = p;
                break;
            }
        }
        if (h < 0) return false;

        // "Secretary of State X", "Minister of External Affairs X".
        while (h + 2 < idx.Count && tokens[idx[h + 1]].Text == "of" && g.TitleRemits.Contains(tokens[idx[h + 2]].Text))
        {
            h += 2;
            while (h + 1 < idx.Count
                && (g.TitleRemits.Contains(tokens[idx[h + 1]].Text) || g.TitleModifiers.Contains(tokens[idx[h + 1]].Text))) h++;
        }
        if (h + 1 < idx.Count && tokens[idx[h + 1]].Text == ".") h++;

        var start = h;
        while (start > 0 && tokens[idx[start - 1]].Kind == TokenKind.Word && g.IsTitleWord(tokens[idx[start - 1]].Text))
            start--;

        // "Stephen King", "John Major": a given name before a title word that ends the span is a name.
        if (h == idx.Count - 1 && start > 0 && g.FirstNames.Contains(tokens[idx[0]].Text)) return false;

        ctx.Titles.Add((tokens[idx[start]].Start, tokens[idx[h]].End));
        if (start > 0) Analyse(ctx, idx.GetRange(0, start));

        var name = idx.GetRange(h + 1, idx.Count - h - 1);
        while (name.Count > 0 && IsPunctOrConnector(tokens[name[0]])) name.RemoveAt(0);
        if (name.Count == 0) return true;

        var nameWords = name.Count(k => tokens[k].Kind == TokenKind.Word);
        var listed = LookupRange(ctx, name, 0, name.Count - 1);
        if (listed is not null && listed.Type != EntityTypes.Person)
        {
            Analyse(ctx, name);
            return true;
        }
        if (nameWords <= 4 && name.All(k => tokens[k].Kind != TokenKind.Word || !g.Demonyms.Contains(tokens[k].Text)))
        {
            Emit(ctx, name, 0, name.Count - 1, EntityTypes.Person, listed, 0.95);
            return true;
        }
        Analyse(ctx, name);
        return true;
    }

    /// <summary>The longest listed name starting at position i of idx, as (end position, entry).</summary>
    private (int End, GazetteerEntry Entry)? LongestMatch(Context ctx, List<int> idx, int i)
    {
        var tokens = ctx.Tokens;
        if (tokens[idx[i]].Kind != TokenKind.Word) return null;
        var maxEnd = Math.Min(idx.Count - 1, i + 2 * g.MaxNameWords + 2);
        for (var j = maxEnd; j >= i; j--)
        {
            if (tokens[idx[j]].Kind != TokenKind.Word) continue;
            var e = LookupRange(ctx, idx, i, j);
            if (e is not null) return (j, e);
        }
        return null;
    }

    private void Decompose(Context ctx, List<int> idx, bool gazetteerOnly)
    {
        var tokens = ctx.Tokens;
        var run = new List<int>();
        void Flush()
        {
            // Drop hyphens and connectors at the edges of the run.
            while (run.Count > 0 && IsPunctOrConnector(tokens[run[^1]])) run.RemoveAt(run.Count - 1);
            while (run.Count > 0 && IsPunctOrConnector(tokens[run[0]])) run.RemoveAt(0);
            if (run.Count > 0 && !gazetteerOnly) ClassifyRun(ctx, run);
            run = [];
        }

        var i = 0;
        while (i < idx.Count)
        {
            var t = tokens[idx[i]];
            if (t.Kind is TokenKind.Possessive || (t.Kind == TokenKind.Punct && t.Text is not ("-" or "." or "‑")))
            {
                Flush();
                i++;
                continue;
            }
            var m = LongestMatch(ctx, idx, i);
            if (m is { } match)
            {
                Flush();
                Emit(ctx, idx, i, match.End, match.Entry.Type, match.Entry, 1.0);
                i = match.End + 1;
                // A hyphen right after a listed name ends its run: "India-Russia".
                continue;
            }
            if (t.Kind == TokenKind.Word && (g.Demonyms.Contains(t.Text) || g.NonEntities.Contains(t.Text)
                                              || (g.TitleHeads.Contains(t.Text)
                                                  && !(run.Count > 0 && g.FirstNames.Contains(tokens[run[0]].Text)))
                                              || (t.CapitalIsAmbiguous && g.SentenceStarters.Contains(t.Text))))
            {
                Flush();
                i++;
                continue;
            }
            if (t.Kind == TokenKind.Punct && run.Count == 0)
            {
                i++;
                continue;
            }
            run.Add(idx[i]);
            i++;
        }
        Flush();
    }

    private static bool IsInitial(string w) => (w.Length == 1 && char.IsUpper(w[0]))
        || (w.Length == 2 && char.IsUpper(w[0]) && w[1] == '.');

    private void ClassifyRun(Context ctx, List<int> run)
    {
        var tokens = ctx.Tokens;
        var words = run.Where(k => tokens[k].Kind == TokenKind.Word && !Particles.Contains(tokens[k].Text)).Select(k => tokens[k]).ToList();
        if (words.Count == 0) return;
        var first = words[0];
        var ambiguous = tokens[run[0]].CapitalIsAmbiguous;

        // A single stopword ("I", "He") or common acronym ("GDP", "TV") is no name.
        if (words.Count == 1 && run.Count == 1 && (g.IsStopword(first.Text) || g.NonEntityAcronyms.Contains(first.Text))) return;

        // Acronyms: "ISRO", "BJP" (not "TV", "GDP", "CEO").
        if (words.Count == 1 && run.Count == 1 && first.IsAllCaps && first.Text.Length is >= 2 and <= 8
            && !g.NonEntityAcronyms.Contains(first.Text) && first.Text.Any(char.IsLetter) && !first.Text.Contains('.'))
        {
            Emit(ctx, run, 0, 0, EntityTypes.Organisation, null, 0.6);
            return;
        }

        // "S Jaishankar", "J. K. Rowling": initials before a capitalised word.
        if (words.Count >= 2 && IsInitial(first.Text) && first.Text is not ("A" or "I") && !IsInitial(words[^1].Text))
        {
            Emit(ctx, run, 0, run.Count - 1, EntityTypes.Person, null, 0.85);
            return;
        }

        // "Sergey Lavrov", "Mary Smith": a given name and 1-3 more words.
        if (words.Count is >= 2 and <= 4 && g.FirstNames.Contains(first.Text))
        {
            Emit(ctx, run, 0, run.Count - 1, EntityTypes.Person, null, 0.85);
            return;
        }

        // "Putin": the surname of a listed person.
        var last = words[^1].Text;
        if (words.Count <= 3 && g.Surnames.TryGetValue(last, out var person))
        {
            Emit(ctx, run, 0, run.Count - 1, EntityTypes.Person, words.Count == 1 ? person : null, 0.9);
            return;
        }

        // A lone given name in mid-sentence ("Lula", "Hunter"): weakly a person.
        if (words.Count == 1 && run.Count == 1 && !ambiguous && first.Text.Length >= 3 && g.FirstNames.Contains(first.Text))
        {
            Emit(ctx, run, 0, 0, EntityTypes.Person, null, 0.5);
            return;
        }

        // Unexplained: maybe a context cue or a repetition explains it later.
        Emit(ctx, run, 0, run.Count - 1, null, null, 0.0);
    }

    private static string TitleCase(string s)
    {
        var ti = CultureInfo.InvariantCulture.TextInfo;
        return ti.ToTitleCase(s.ToLowerInvariant());
    }

    private void Emit(Context ctx, List<int> idx, int from, int to, string? type, GazetteerEntry? entry, double confidence)
    {
        var tokens = ctx.Tokens;
        var key = Key(ctx, idx, from, to);
        var shouted = IsShouted(ctx, idx, from, to);
        string name;
        if (entry is not null && entry.Type == type && g.Lookup(key, false) is null) name = entry.Form; // "NEW DELHI" -> "New Delhi"
        else if (shouted && key.Contains(' ')) name = TitleCase(key);
        else name = key;

        ctx.Candidates.Add(new Candidate
        {
            First = idx[from],
            Last = idx[to],
            Name = name,
            Type = type,
            GazetteerId = entry?.Type == type ? entry?.Id : null,
            Confidence = confidence,
            Ambiguous = tokens[idx[from]].CapitalIsAmbiguous,
            Words = Enumerable.Range(from, to - from + 1).Count(k => tokens[idx[k]].Kind == TokenKind.Word),
        });
    }

    // ---------------------------------------------------------------- context

    private Token? WordBefore(Context ctx, int index, int skip = 0)
    {
        var k = index - 1;
        for (; k >= 0; k--)
        {
            var t = ctx.Tokens[k];
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                if (skip-- == 0) return t;
                continue;
            }
            return null; // punctuation in between: no cue
        }
        return null;
    }

    private Token? WordAfter(Context ctx, int index)
    {
        var k = index + 1;
        if (k < ctx.Tokens.Count && ctx.Tokens[k].Kind == TokenKind.Possessive) return null;
        return k < ctx.Tokens.Count && ctx.Tokens[k].Kind is TokenKind.Word ? ctx.Tokens[k] : null;
    }

    /// <summary>Types unexplained candidates from their neighbours: "said X", "X told", "in X", "from X to Y".</summary>
    private void ApplyCues(Context ctx)
    {
        foreach (var c in ctx.Candidates.Where(c => c.Type is null))
        {
            var before = WordBefore(ctx, c.First);
            var before2 = WordBefore(ctx, c.First, 1);
            var after = WordAfter(ctx, c.Last);

            var speechBefore = before is not null && g.SpeechVerbs.Contains(before.Text)
                               || (before2 is not null && before is not null
                                   && before2.Text.Equals("according", StringComparison.OrdinalIgnoreCase) && before.Text == "to");
            var speechAfter = after is not null && g.SpeechVerbs.Contains(after.Text) && after.Text.ToLowerInvariant() == after.Text;
            if (speechBefore || (speechAfter && (!c.Ambiguous || c.Words >= 2)))
            {
                c.Type = EntityTypes.Person;
                c.Confidence = 0.6;
                continue;
            }

            if (!c.Ambiguous && before is not null && c.Words <= 3)
            {
                var prep = before.Text;
                var isPrep = g.LocPrepositions.Contains(prep) && prep == prep.ToLowerInvariant();
                if (!isPrep && prep == "to")
                {
                    // "from Chennai to Vladivostok"
                    for (var k = c.First - 2; k >= Math.Max(0, c.First - 8); k--)
                        if (ctx.Tokens[k].Text == "from") isPrep = true;
                }
                if (isPrep)
                {
                    c.Type = EntityTypes.Location;
                    c.Confidence = 0.4;
                }
            }
        }
    }

    /// <summary>An unexplained candidate that repeats a typed name, or the first or last name of a person, takes its type.</summary>
    private void Propagate(Context ctx)
    {
        var typed = ctx.Candidates.Where(c => c.Type is not null).ToList();
        var byName = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        var personParts = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in typed.OrderByDescending(c => c.Confidence))
        {
            byName.TryAdd(c.Name, c);
            if (c.Type == EntityTypes.Person)
            {
                var parts = c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2)
                {
                    if (parts[^1].Length >= 2) personParts.TryAdd(parts[^1], c);
                    if (!IsInitial(parts[0]) && parts[0].Length >= 3) personParts.TryAdd(parts[0], c);
                }
            }
        }

        foreach (var c in ctx.Candidates.Where(c => c.Type is null))
        {
            if (byName.TryGetValue(c.Name, out var same))
            {
                c.Type = same.Type;
                c.GazetteerId = same.GazetteerId;
                c.Confidence = Math.Min(same.Confidence, 0.7);
                continue;
            }
            var parts = c.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length <= 2 && personParts.ContainsKey(parts[^1]))
            {
                c.Type = EntityTypes.Person;
                c.Confidence = 0.7;
            }
        }
        ctx.Candidates.RemoveAll(c => c.Type is null);
    }

    /// <summary>One type per name within the text: the type with the most confident support wins.</summary>
    private static void Vote(Context ctx)
    {
        foreach (var group in ctx.Candidates.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            var best = group.GroupBy(c => c.Type!)
                .Select(g => (Type: g.Key, Score: g.Sum(c => c.Confidence) + 10 * g.Max(c => c.Confidence >= 1.0 ? 1 : 0)))
                .OrderByDescending(x => x.Score)
                .First().Type;
            foreach (var c in group)
            {
                if (c.Type != best)
                {
                    c.Type = best;
                    c.GazetteerId = null;
                }
            }
        }
    }
}
