using System.Net;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>A page's tags (keywords) as the article keeps them: trimmed, decoded, short, each once, at most <see
/// cref="MaxTags"/>.</summary>
internal static class Tags
{
    public const int MaxTags = 30;
    private const int MaxTagChars = 80;

    /// <summary>"a, b; c" as separate words.</summary>
    public static IEnumerable<string> Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> Clean(IEnumerable<string> raw)
    {
        var result = new List<string>();
        foreach (var r in raw)
        {
            var tag = TextNormalizer.CollapseWhitespace(WebUtility.HtmlDecode(r));
            if (tag.Length is 0 or > MaxTagChars || tag.Contains("://", StringComparison.Ordinal)) continue;
            if (!result.Contains(tag, StringComparer.OrdinalIgnoreCase)) result.Add(tag);
            if (result.Count == MaxTags) break;
        }
        return result;
    }
}
