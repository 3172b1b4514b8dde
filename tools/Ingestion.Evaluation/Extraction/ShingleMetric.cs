using System.Globalization;
using System.Text;

namespace Ingestion.Evaluation.Extraction;

/// <summary>
/// The scrapinghub article-extraction benchmark's metric, as its evaluate.py computes it: Python 3 <c>\w+</c> tokens,
/// 4-token shingles, bag matching (true positives = the smaller count of each shingle), tp/fp/fn normalised per page
/// to sum to 1; precision is averaged over pages with a prediction, recall over all pages, F1 from the two means.
/// </summary>
public static class ShingleMetric
{
    public const int ShingleSize = 4;

    /// <summary>Python 3's <c>\w</c> on str: a letter (Lu, Ll, Lt, Lm, Lo), a character with a numeric value (Nd, Nl, No) or '_'. Not
    /// Mn/Pc.</summary>
    public static bool IsWordRune(Rune r)
    {
        if (r.Value == '_') return true;
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>The tokens <c>re.findall(r'\w+', text)</c> gives, surrogate pairs read as one character.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            var word = status == System.Buffers.OperationStatus.Done && IsWordRune(rune);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            i += Math.Max(used, 1);
        }
        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    /// <summary>Shingles with their counts; a text of fewer than four tokens is one shingle of all of them; no tokens, no
    /// shingles.</summary>
    public static Dictionary<string, int> Shingles(string? text, int n = ShingleSize)
    {
        var tokens = Tokenize(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var last = Math.Max(1, tokens.Count - n + 1);
        for (var i = 0; i < last; i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(n));
            if (shingle.Length == 0) continue;
            result[shingle] = result.GetValueOrDefault(shingle) + 1;
        }
        return result;
    }

    /// <summary>One page's tp, fp, fn, normalised to sum to 1 (all zero when both texts are empty).</summary>
    public static PageScore Score(string? truth, string? prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in t)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }
        foreach (var (key, pc) in p)
            fp += Math.Max(0, pc - t.GetValueOrDefault(key));
        var sum = tp + fp + fn;
        return sum > 0 ? new PageScore(tp / sum, fp / sum, fn / sum) : new PageScore(0, 0, 0);
    }

    /// <summary>Mean precision over pages with a prediction (tp + fp &gt; 0), mean recall over all pages, F1 of the means.</summary>
    public static (double Precision, double Recall, double F1) Summarise(IReadOnlyList<PageScore> pages)
    {
        var predicted = pages.Where(s => s.Tp + s.Fp > 0).ToList();
        var precision = predicted.Count == 0 ? 0 : predicted.Average(s => s.Precision);
        var recall = pages.Count == 0 ? 0 : pages.Average(s => s.Recall);
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return (precision, recall, f1);
    }
}

public readonly record struct PageScore(double Tp, double Fp, double Fn)
{
    public double Precision => Tp + Fp > 0 ? Tp / (Tp + Fp) : 0;
    public double Recall => Tp + Fn > 0 ? Tp / (Tp + Fn) : 0;
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}
