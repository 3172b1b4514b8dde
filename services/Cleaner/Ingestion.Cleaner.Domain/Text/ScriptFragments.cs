using System.Text;
using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// Removes JavaScript that scrapers splice into article text: ad-slot calls (<c>googletag.cmd.push(function() {...});</c>),
/// assignments (<c>window.foo = ...;</c>), queue pushes (<c>(adsbygoogle = window.adsbygoogle || []).push({});</c>),
/// jQuery calls, anonymous functions and leftover <c>&lt;script&gt;</c> blocks. Candidates are found with simple linear
/// patterns; their extent is then found by a bracket- and string-aware scanner, and each is removed only when it
/// reads as code (brackets balanced, code punctuation inside or a closing semicolon).
/// </summary>
internal static partial class ScriptFragments
{
    private const int MaxFragment = 4000;

    /// <summary>Characters the bracket scanner may visit per call, at least (four times the text length otherwise).</summary>
    private const int MinScanBudget = 200_000;

    /// <summary>Bounds the total work of one <see cref="Remove"/> call on hostile text full of unclosed brackets.</summary>
    private sealed class ScanBudget(long remaining)
    {
        public bool Exhausted => remaining <= 0;

        public void Spend(int steps) => remaining -= steps;
    }

    /// <summary>Well-known global objects of ad and analytics scripts; a prose word glued before one ("said X.googletag...") is not part of
    /// the code.</summary>
    private static readonly System.Buffers.SearchValues<char> CodeMarks = System.Buffers.SearchValues.Create("(=<");

    private static readonly HashSet<string> ScriptRoots = new(StringComparer.Ordinal)
    {
        "googletag", "window", "document", "dataLayer", "pbjs", "apstag", "console", "jQuery", "navigator", "_taboola",
        "taboola", "OBR", "adsbygoogle", "twttr", "FB", "instgrm", "gtag", "fbq", "ga", "_gaq", "_comscore", "COMSCORE",
        "localStorage", "sessionStorage", "Math", "JSON", "PARSELY", "_qevents", "googleAds", "cmp", "__tcfapi",
    };

    [GeneratedRegex(
        @"(?<call>(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\()" +
        @"|(?<decl>\b(?:var|let|const)\s{1,3}[A-Za-z_$][\w$]*\s{0,3}=(?!=))" +
        @"|(?<assign>\b(?:window|document|self|top|globalThis)(?:\.[A-Za-z_$][\w$]*|\[[^\]\n]{1,80}\]){1,8}\s{0,3}=(?!=))" +
        @"|(?<paren>\(\s{0,3}[A-Za-z_$][\w$.]{0,80}\s{0,3}=(?!=))" +
        @"|(?<func>\bfunction\s{0,3}[\w$]{0,40}\s{0,3}\([^)\n]{0,200}\)\s{0,3}\{)" +
        @"|(?<jq>(?:\$|\bjQuery)\s{0,3}\(\s{0,3}(?:document|window|function|['""]))" +
        @"|(?<bare>\b(?:gtag|fbq|ga|__tcfapi|_qevents|twttr|googletag)\s{0,3}\(\s{0,3}['""{\[])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\G\s{0,3}\.\s{0,3}[A-Za-z_$][\w$]*\s{0,3}\(", RegexOptions.CultureInvariant)]
    private static partial Regex ChainedCall();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceRuns();

    [GeneratedRegex(@"[ \t]+([,.;:!?])(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforePunctuation();

    /// <summary>True when the text holds at least one fragment that <see cref="Remove"/> would take out.</summary>
    public static bool Contains(string text) => !ReferenceEquals(Remove(text), text);

    /// <summary>The text without script fragments; the same instance when there was nothing to remove.</summary>
    public static string Remove(string text)
    {
        // Every candidate needs '(' or '=', and a tag block '<': most prose has none of them.
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(CodeMarks) < 0) return text;
        var withoutTags = RemoveTagBlocks(text);
        var sb = new StringBuilder(withoutTags.Length);
        var budget = new ScanBudget(Math.Max(MinScanBudget, withoutTags.Length * 4));
        var pos = 0;
        var removedAny = !ReferenceEquals(withoutTags, text);
        while (pos < withoutTags.Length)
        {
            var m = Candidate().Match(withoutTags, pos);
            if (!m.Success) break;
            if (budget.Exhausted) break;
            var (start, end) = Extent(withoutTags, m, budget);
            if (end <= start)
            {
                // Not code: go on after the candidate (a chain is not searched again from its middle).
                var resume = Math.Max(m.Index + 1, m.Index + m.Length - 1);
                sb.Append(withoutTags, pos, resume - pos);
                pos = resume;
                continue;
            }
            sb.Append(withoutTags, pos, start - pos);
            if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1])) sb.Append(' ');
            pos = end;
            removedAny = true;
        }
        if (!removedAny) return text;
        sb.Append(withoutTags, pos, withoutTags.Length - pos);
        var cleaned = SpaceRuns().Replace(sb.ToString(), " ");
        return SpaceBeforePunctuation().Replace(cleaned, "$1");
    }

    /// <summary>Start and end of the code fragment a candidate begins, or (0, 0) when it does not read as code.</summary>
    private static (int Start, int End) Extent(string text, Match m, ScanBudget budget)
    {
        if (m.Groups["call"].Success) return CallExtent(text, m, budget);
        if (m.Groups["decl"].Success || m.Groups["assign"].Success) return AssignmentExtent(text, m.Index, m.Index + m.Length, budget);
        if (m.Groups["paren"].Success)
        {
            var close = ScanBalanced(text, m.Index, budget);
            if (close < 0) return (0, 0);
            var chained = ChainedCall().Match(text, close + 1);
            if (!chained.Success) return (0, 0);
            var end = FollowCalls(text, chained.Index + chained.Length - 1, budget);
            return end < 0 ? (0, 0) : (m.Index, TakeSemicolon(text, end));
        }
        if (m.Groups["func"].Success)
        {
            var close = ScanBalanced(text, m.Index + m.Length - 1, budget);
            if (close < 0) return (0, 0);
            var start = m.Index;
            var end = close + 1;
            // (function () { ... })();
            var before = start - 1;
            while (before >= 0 && text[before] == ' ') before--;
            var after = end;
            while (after < text.Length && text[after] == ' ') after++;
            if (before >= 0 && text[before] == '(' && after < text.Length && text[after] == ')')
            {
                start = before;
                end = after + 1;
                if (end < text.Length && text[end] == '(')
                {
                    var call = ScanBalanced(text, end, budget);
                    if (call > 0) end = call + 1;
                }
            }
            return (start, TakeSemicolon(text, end));
        }
        if (m.Groups["jq"].Success || m.Groups["bare"].Success)
        {
            var open = text.IndexOf('(', m.Index);
            var end = FollowCalls(text, open, budget);
            return end < 0 ? (0, 0) : (m.Index, TakeSemicolon(text, end));
        }
        return (0, 0);
    }

    private static (int, int) CallExtent(string text, Match m, ScanBudget budget)
    {
        var start = m.Index;
        var chain = m.Value[..^1];
        var segments = chain.Split('.');
        // "...said Jaishankar.googletag.cmd.push(" : the first segment is prose glued to the code.
        if (segments.Length >= 3 && (ScriptRoots.Contains(segments[1]) || IsProseWord(segments[0]) && char.IsLower(segments[1][0])))
            start += segments[0].Length + 1;
        else if (segments.Length == 2 && IsProseWord(segments[0]) && ScriptRoots.Contains(segments[1]))
            return (0, 0);

        var open = m.Index + m.Length - 1;
        var end = FollowCalls(text, open, budget);
        if (end < 0) return (0, 0);
        var withSemicolon = TakeSemicolon(text, end);
        var body = text[open..end];
        var codeLike = withSemicolon > end
                       || body.AsSpan().IndexOfAny("{}=;'\"`") >= 0
                       || body.Contains("function", StringComparison.Ordinal);
        if (!codeLike) return (0, 0);
        return (start, withSemicolon);
    }

    private static bool IsProseWord(string s) =>
        s.Length >= 2 && char.IsUpper(s[0]) && s.Skip(1).All(char.IsLower) || s.All(char.IsLower) && s.Length >= 2
            && !ScriptRoots.Contains(s);

    /// <summary>From an opening parenthesis, scans the call and any chained <c>.name(...)</c> calls; returns the index after the last ')'
    /// or -1.</summary>
    private static int FollowCalls(string text, int open, ScanBudget budget)
    {
        if (open < 0 || open >= text.Length || text[open] != '(') return -1;
        var close = ScanBalanced(text, open, budget);
        if (close < 0) return -1;
        var end = close + 1;
        for (var guard = 0; guard < 8; guard++)
        {
            var chained = ChainedCall().Match(text, end);
            if (!chained.Success) break;
            var next = ScanBalanced(text, chained.Index + chained.Length - 1, budget);
            if (next < 0) break;
            end = next + 1;
        }
        return end;
    }

    private static (int, int) AssignmentExtent(string text, int start, int afterEquals, ScanBudget budget)
    {
        var i = afterEquals;
        var depth = 0;
        var limit = Math.Min(text.Length, start + MaxFragment);
        try
        {
            return AssignmentExtentCore(text, start, afterEquals, ref i, limit, ref depth);
        }
        finally
        {
            budget.Spend(i < 0 ? limit - afterEquals : i - afterEquals + 1);
        }
    }

    private static (int, int) AssignmentExtentCore(string text, int start, int afterEquals, ref int i, int limit, ref int depth)
    {
        while (i < limit)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(text, i, limit);
                if (i < 0) return (0, 0);
                continue;
            }
            if (c is '(' or '{' or '[') depth++;
            else if (c is ')' or '}' or ']')
            {
                if (--depth < 0) return (0, 0);
            }
            else if (depth == 0 && c == ';')
            {
                return i == afterEquals ? (0, 0) : (start, i + 1);
            }
            else if (depth == 0 && c == '\n')
            {
                return (0, 0);
            }
            i++;
        }
        return (0, 0);
    }

    private static int TakeSemicolon(string text, int end)
    {
        var j = end;
        while (j < text.Length && text[j] is ' ' or '\t') j++;
        return j < text.Length && text[j] == ';' ? j + 1 : end;
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, skipping strings; -1 when unbalanced or too
    /// long.</summary>
    private static int ScanBalanced(string text, int open, ScanBudget budget)
    {
        var depth = 0;
        var limit = Math.Min(text.Length, open + MaxFragment);
        var i = open;
        try
        {
            return ScanBalancedCore(text, ref i, limit, ref depth);
        }
        finally
        {
            budget.Spend(i < 0 ? limit - open : i - open + 1);
        }
    }

    private static int ScanBalancedCore(string text, ref int i, int limit, ref int depth)
    {
        while (i < limit)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                i = SkipString(text, i, limit);
                if (i < 0) return -1;
                continue;
            }
            if (c is '(' or '{' or '[') depth++;
            else if (c is ')' or '}' or ']')
            {
                depth--;
                if (depth == 0) return i;
                if (depth < 0) return -1;
            }
            i++;
        }
        return -1;
    }

    private static int SkipString(string text, int quoteAt, int limit)
    {
        var quote = text[quoteAt];
        for (var i = quoteAt + 1; i < limit; i++)
        {
            var c = text[i];
            if (c == '\\') { i++; continue; }
            if (c == quote) return i + 1;
            if (c == '\n' && quote != '`') return -1;
        }
        return -1;
    }

    private static string RemoveTagBlocks(string text)
    {
        if (text.IndexOf('<') < 0) return text;
        var result = text;
        result = RemoveBetween(result, "<script", "</script>");
        result = RemoveBetween(result, "<style", "</style>");
        result = RemoveBetween(result, "<!--", "-->");
        return result;
    }

    private static string RemoveBetween(string text, string open, string close)
    {
        var i = text.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return text;
        var sb = new StringBuilder(text.Length);
        var pos = 0;
        while (i >= 0)
        {
            var j = text.IndexOf(close, i + open.Length, StringComparison.OrdinalIgnoreCase);
            if (j < 0) break;
            sb.Append(text, pos, i - pos).Append(' ');
            pos = j + close.Length;
            i = text.IndexOf(open, pos, StringComparison.OrdinalIgnoreCase);
        }
        sb.Append(text, pos, text.Length - pos);
        return sb.ToString();
    }
}
