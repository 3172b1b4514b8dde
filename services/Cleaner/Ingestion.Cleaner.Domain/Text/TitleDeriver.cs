using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// A title for a page that has none: the lead sentence without its dateline and its attribution
/// ("..., said the minister on Wednesday"), cut at a word boundary.
/// </summary>
internal static partial class TitleDeriver
{
    [GeneratedRegex(@",?\s+(?:said|says|according\s+to|told|announced|added|reported|claimed|stated|confirmed|warned)\b.{0,300}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAttribution();

    [GeneratedRegex(@"^[^,.;:]{0,80}?\b(?:said|says|announced|confirmed|reported)\s+(?:(?:on|late|early|this)\s+\w+\s+)?that\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAttribution();

    public static string Derive(string leadParagraph, int maxChars)
    {
        var sentences = Sentences.Split(leadParagraph);
        if (sentences.Count == 0) return string.Empty;
        var sentence = sentences[0];
        if (Datelines.Find(sentence) is { } dateline) sentence = sentence[dateline.Length..];

        var trailing = TrailingAttribution().Match(sentence);
        if (trailing.Success && TextNormalizer.WordCount(sentence[..trailing.Index]) >= 4)
            sentence = sentence[..trailing.Index];
        else
        {
            var leading = LeadingAttribution().Match(sentence);
            if (leading.Success && TextNormalizer.WordCount(sentence[leading.Length..]) >= 4)
                sentence = sentence[leading.Length..];
        }

        sentence = sentence.Trim().TrimEnd('.', '!', ';', ':', ',').Trim();
        if (sentence.Length > 1 && sentence[0] is '"' or '\u201C' && sentence.IndexOfAny(['"', '\u201D'], 1) < 0)
            sentence = sentence[1..];
        sentence = TextNormalizer.CutAtWord(sentence, maxChars);
        if (sentence.Length > 0 && char.IsLower(sentence[0]))
            sentence = char.ToUpperInvariant(sentence[0]) + sentence[1..];
        return sentence;
    }
}
