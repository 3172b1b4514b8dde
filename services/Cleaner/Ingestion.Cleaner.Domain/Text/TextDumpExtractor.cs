using Ingestion.Cleaner.Domain.Authors;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// Extracts an article from a plain-text dump of a page: a header of short lines (byline and date, agency, title)
/// followed by body paragraphs, with related links, promotions, script fragments and a run-on repeat of the body
/// mixed in. Everything is recognised by its shape, not by the words of any one site.
/// </summary>
internal static class TextDumpExtractor
{
    /// <summary>Only the first lines before the body can be header lines.</summary>
    private const int MaxHeaderBlocks = 8;

    public static ArticleDraft Extract(string text, ExtractorOptions options)
    {
        _ = options;
        var draft = new ArticleDraft();
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        draft.RawWords = TextNormalizer.WordCount(normalised);
        normalised = TextNormalizer.NormaliseLines(ScriptFragments.Remove(normalised));

        var blocks = SplitBlocks(normalised);
        var bodyStart = blocks.FindIndex(IsBodyLike);
        if (bodyStart < 0) bodyStart = blocks.Count;
        var headerEnd = Math.Min(bodyStart, MaxHeaderBlocks);

        var candidates = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var kind = BoilerplateLines.Classify(block);
            // A date line ("Published: 2024-02-29 | By ...") looks like a label too: header lines are read first.
            if (kind is BoilerplateKind.None or BoilerplateKind.Label && i < headerEnd
                && ReadHeaderLine(block, draft, kind == BoilerplateKind.None))
                continue;
            if (kind != BoilerplateKind.None)
            {
                draft.Dropped++;
                continue;
            }

            var trimmed = BoilerplateLines.TrimGluedTail(block);
            if (TextNormalizer.WordCount(trimmed) == 0)
            {
                draft.Dropped++;
                continue;
            }
            candidates.Add(trimmed);
        }

        var keep = RepeatedParagraphs.Keep(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (keep[i]) draft.Paragraphs.Add(candidates[i]);
            else draft.Dropped++;
        }

        if (draft.Paragraphs.Count > 0 && Datelines.Find(draft.Paragraphs[0]) is { } dateline)
        {
            draft.Dateline = dateline.Place;
            draft.SiteName ??= dateline.Agency;
        }
        return draft;
    }

    /// <summary>Reads a header line into the draft; false when it is not a header line (then it is body text).</summary>
    private static bool ReadHeaderLine(string block, ArticleDraft draft, bool mayBeTitle)
    {
        if (BylineParser.Parse(block) is { } byline
            && (byline.Authors.Count > 0 || byline.Published is not null || byline.Agency is not null))
        {
            if (draft.Authors.Count == 0) draft.AddAuthors(byline.Authors);
            draft.Published ??= byline.Published;
            draft.Modified ??= byline.Modified;
            draft.SiteName ??= byline.Agency;
            return true;
        }
        if (!mayBeTitle) return false;
        if (Agencies.RecogniseSourceLine(block) is { } source)
        {
            draft.SiteName ??= source;
            return true;
        }
        var words = TextNormalizer.WordCount(block);
        if (draft.Title is null && words is >= 2 and <= 25 && !block.EndsWith('.'))
        {
            draft.Title = block;
            return true;
        }
        return false;
    }

    private static bool IsBodyLike(string block)
    {
        var words = TextNormalizer.WordCount(block);
        if (words >= 15) return true;
        return words >= 8 && block.TrimEnd().EndsWithAny('.', '!', '?', '"', '\u201D', '\u2019');
    }

    /// <summary>
    /// Paragraphs: blocks separated by blank lines. Inside a block, hard-wrapped lines are joined; otherwise each line
    /// is a paragraph of its own (dumps that put one paragraph per line).
    /// </summary>
    internal static List<string> SplitBlocks(string text)
    {
        var result = new List<string>();
        var current = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                Flush(current, result);
                continue;
            }
            current.Add(line);
        }
        Flush(current, result);
        return result;
    }

    private static void Flush(List<string> lines, List<string> into)
    {
        if (lines.Count == 0) return;
        if (lines.Count == 1 || !IsHardWrapped(lines)) into.AddRange(lines);
        else into.Add(string.Join(' ', lines));
        lines.Clear();
    }

    private static bool IsHardWrapped(List<string> lines)
    {
        var max = lines.Max(l => l.Length);
        if (max is < 40 or > 100) return false;
        var full = 0;
        for (var i = 0; i < lines.Count - 1; i++)
            if (lines[i].Length >= max * 0.6) full++;
        return full >= (lines.Count - 1) * 0.8;
    }

    private static bool EndsWithAny(this string s, params char[] chars) => s.Length > 0 && chars.Contains(s[^1]);
}
