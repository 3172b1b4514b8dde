using Ingestion.Contracts;
using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Quotes;

/// <summary>A quote with where it stands: Start/End cover the quotation marks (of all its parts, for a quote that runs over
/// paragraphs).</summary>
public sealed record FoundQuote(Quote Quote, int Start, int End, IReadOnlyList<(int Start, int End)> Parts);

/// <summary>
/// Finds text between straight or curly double quotes and its speaker from the attribution next to it:
/// '"...," said Jaishankar', '"..." Jaishankar added', 'Lavrov told reporters: "..."', '"...," he said' (the person
/// named last before the quote). The speaker is the canonical name of the entity mentioned there. A quote left open
/// at the end of a paragraph continues into the next paragraph when that one opens with a quote mark.
/// Short unattributed quotes ("so-called 'experts'" style) are taken as scare quotes and skipped.
/// </summary>
public sealed class QuoteExtractor
{
    private readonly Gazetteer g;
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she" };

    public QuoteExtractor(Gazetteer? gazetteer = null) => g = gazetteer ?? Gazetteer.Default;

    private sealed record Part(int Open, int Close,
        bool Closed); // Open = index of the opening mark, Close = index of the closing mark (or paragraph end)

    public IReadOnlyList<FoundQuote> Extract(AnalyzedText text, IReadOnlyList<Entity> entities)
    {
        var body = text.Text;
        var mentions = entities
            .SelectMany(e => e.Mentions.Select(m => (Mention: m, Entity: e)))
            .OrderBy(x => x.Mention.Start)
            .ToList();

        var chains = FindQuoteChains(body);
        var result = new List<FoundQuote>();
        foreach (var chain in chains)
        {
            var inner = string.Join(" ", chain.Select(p => body[(p.Open + 1)..p.Close].Trim()));
            inner = inner.TrimEnd();
            if (inner.EndsWith(',')) inner = inner[..^1].TrimEnd();
            if (inner.Length == 0) continue;

            var (attributed, speaker) = Attribute(text, chain, mentions);
            if (!attributed && result.Count > 0 && ContinuesPrevious(text, result[^1], chain[0].Open))
                (attributed, speaker) = (true, result[^1].Quote.Speaker);
            var words = inner.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            if (!attributed && words < 4) continue; // scare quotes, titles of works

            var start = chain[0].Open;
            var last = chain[^1];
            var end = last.Closed ? last.Close + 1 : last.Close;
            result.Add(new FoundQuote(new Quote(inner, speaker), start, end,
                chain.Select(p => (p.Open, p.Closed ? p.Close + 1 : p.Close)).ToList()));
        }
        return result;
    }

    /// <summary>Quoted passages, each as one or more parts (one per paragraph).</summary>
    private static List<List<Part>> FindQuoteChains(string body)
    {
        var chains = new List<List<Part>>();
        List<Part>? continuing = null; // a chain whose last part was left open at the end of its paragraph
        var paraStart = 0;
        while (paraStart <= body.Length)
        {
            var paraEnd = body.IndexOf('\n', paraStart);
            if (paraEnd < 0) paraEnd = body.Length;

            var open = -1;
            var openCurly = false;
            var seenText = false;
            for (var i = paraStart; i < paraEnd; i++)
            {
                var c = body[i];
                if (open < 0)
                {
                    if (c is '"' or '“' or '„')
                    {
                        // Only a quote mark that opens the paragraph continues the previous paragraph's quote.
                        if (seenText) continuing = null;
                        open = i;
                        openCurly = c != '"';
                    }
                }
                else if (c == '"' || (openCurly && c == '”'))
                {
                    var part = new Part(open, i, true);
                    if (continuing is not null)
                    {
                        continuing.Add(part);
                        continuing = null;
                    }
                    else chains.Add([part]);
                    open = -1;
                }
                if (!char.IsWhiteSpace(c)) seenText = true;
            }
            if (open >= 0)
            {
                var e = paraEnd;
                while (e > open + 1 && char.IsWhiteSpace(body[e - 1])) e--;
                var part = new Part(open, e, false);
                if (continuing is not null) continuing.Add(part);
                else
                {
                    continuing = [part];
                    chains.Add(continuing);
                }
            }
            else if (seenText) continuing = null;
            paraStart = paraEnd + 1;
        }
        return chains;
    }

    private (bool Attributed, string? Speaker) Attribute(AnalyzedText text, List<Part> chain,
        List<(Mention Mention, Entity Entity)> mentions)
    {
        var body = text.Text;
        var tokens = text.Tokens;
        var quoteStart = chain[0].Open;
        var last = chain[^1];
        var afterStart = last.Closed ? last.Close + 1 : last.Close;

        // After the quote: up to the end of its sentence or the next quote, at most 12 words.
        var afterEnd = SentenceEndAfter(text, afterStart);
        var nextQuote = body.IndexOfAny(['"', '“'], afterStart);
        if (nextQuote >= 0 && nextQuote < afterEnd) afterEnd = nextQuote;
        var afterTokens = TokensIn(tokens, afterStart, afterEnd);
        var afterWords = afterTokens.Where(t => t.Kind == TokenKind.Word).Take(12).ToList();
        var verbAt = afterWords.FindIndex(t => g.SpeechVerbs.Contains(t.Text) && t.Text == t.Text.ToLowerInvariant());
        if (last.Closed && verbAt is >= 0 and <= 6)
        {
            var windowEnd = afterWords[Math.Min(afterWords.Count - 1, verbAt + 6)].End;
            var speaker = FirstMention(mentions, afterStart, windowEnd, EntityTypes.Person);
            if (speaker is not null) return (true, speaker);
            if (afterWords.Take(verbAt + 2).Any(t => Pronouns.Contains(t.Text)))
                return (true, LastPersonBefore(mentions, quoteStart));
            return (true, FirstMention(mentions, afterStart, windowEnd, EntityTypes.Organisation));
        }

        // Before the quote: "Jaishankar said:", "Lavrov told reporters,", "According to X,".
        var sentenceStart = SentenceStartBefore(text, quoteStart);
        var prevQuoteEnd = body.LastIndexOfAny(['"', '”'], Math.Max(0, quoteStart - 1));
        if (prevQuoteEnd >= sentenceStart && prevQuoteEnd < quoteStart) sentenceStart = prevQuoteEnd + 1;
        var beforeTokens = TokensIn(tokens, sentenceStart, quoteStart);
        var beforeWords = beforeTokens.Where(t => t.Kind == TokenKind.Word).ToList();
        if (beforeWords.Count > 0)
        {
            var tail = beforeWords.Skip(Math.Max(0, beforeWords.Count - 4)).ToList();
            var hasVerb = tail.Any(t => g.SpeechVerbs.Contains(t.Text) && t.Text == t.Text.ToLowerInvariant());
            var according = beforeWords.Any(t => t.Text.Equals("according", StringComparison.OrdinalIgnoreCase));
            if (hasVerb || according)
            {
                var speaker = LastMention(mentions, sentenceStart, quoteStart, EntityTypes.Person);
                if (speaker is not null) return (true, speaker);
                if (beforeWords.Any(t => Pronouns.Contains(t.Text)))
                    return (true, LastPersonBefore(mentions, sentenceStart));
                return (true, LastMention(mentions, sentenceStart, quoteStart, EntityTypes.Organisation));
            }
        }
        return (false, null);
    }

    /// <summary>'"A," he said. "B."': a quote right after an attributed one in the same paragraph, with only the attribution between them,
    /// has the same speaker.</summary>
    private static bool ContinuesPrevious(AnalyzedText text, FoundQuote previous, int open)
    {
        if (previous.Quote.Speaker is null || previous.End > open) return false;
        var between = text.Text[previous.End..open];
        if (between.Contains('\n')) return false;
        var words = between.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 8;
    }

    /// <summary>Tokens lying within [start, end), found by binary search.</summary>
    private static List<Token> TokensIn(IReadOnlyList<Token> tokens, int start, int end)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        var result = new List<Token>();
        for (var k = lo; k < tokens.Count && tokens[k].Start < end; k++)
            if (tokens[k].End <= end) result.Add(tokens[k]);
        return result;
    }

    private static int SentenceEndAfter(AnalyzedText text, int pos)
    {
        foreach (var s in text.Sentences)
            if (s.End > pos) return s.Start > pos ? pos : s.End;
        return text.Text.Length;
    }

    private static int SentenceStartBefore(AnalyzedText text, int pos)
    {
        var start = 0;
        foreach (var s in text.Sentences)
        {
            if (s.Start > pos) break;
            start = s.Start;
        }
        return start;
    }

    private static string? FirstMention(List<(Mention Mention, Entity Entity)> mentions, int from, int to, string type) =>
        mentions.FirstOrDefault(m => m.Mention.Start >= from && m.Mention.End <= to && m.Entity.Type == type).Entity?.Name;

    private static string? LastMention(List<(Mention Mention, Entity Entity)> mentions, int from, int to, string type) =>
        mentions.LastOrDefault(m => m.Mention.Start >= from && m.Mention.End <= to && m.Entity.Type == type).Entity?.Name;

    private static string? LastPersonBefore(List<(Mention Mention, Entity Entity)> mentions, int pos) =>
        mentions.LastOrDefault(m => m.Mention.End <= pos && m.Entity.Type == EntityTypes.Person).Entity?.Name;
}
