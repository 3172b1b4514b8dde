using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>A dateline at the start of a paragraph.</summary>
/// <param name="Place">The place in title case ("New Delhi", "Kyiv, Ukraine").</param>
/// <param name="Agency">The agency in parentheses ("Reuters"), expanded, or null.</param>
/// <param name="Length">Length of the dateline including its separator.</param>
internal sealed record Dateline(string Place, string? Agency, int Length);

/// <summary>
/// Datelines: "NEW DELHI:", "WASHINGTON (Reuters) -", "LONDON, March 3 --", "KYIV, Ukraine (AP) —",
/// "New Delhi, Dec 27 (PTI):". A place in capitals needs only the separator; a place in Title Case needs a date
/// or an agency as well, so that "However: ..." is not taken for a place.
/// </summary>
internal static partial class Datelines
{
    private const string MonthDay =
        @"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,2}\d{1,2}(?:,?\s{1,2}\d{4})?";

    private const string Tail =
        @"(?:,\s{0,2}(?<date>(?i:" + MonthDay
            + @")))?\s{0,2}(?:\((?<agency>[A-Za-z][A-Za-z .&\-]{0,40})\))?\s{0,2}(?<sep>:|--|\u2014|\u2013|-|\u2012)\s+";

    [GeneratedRegex(@"^(?<place>[A-Z][A-Z'\u2019.\-]*(?: [A-Z][A-Z'\u2019.\-]*){0,3})(?:,\s{0,2}(?<region>(?!(?i:" + MonthDay
        + @"))[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?" + Tail,
        RegexOptions.CultureInvariant)]
    private static partial Regex Shouting();

    [GeneratedRegex(@"^(?<place>[A-Z][a-z'\u2019]+(?:[ \-][A-Z][a-z'\u2019]+){0,2})(?:,\s{0,2}(?<date>(?i:" + MonthDay
        + @")))?\s{0,2}(?:\((?<agency>[A-Za-z][A-Za-z .&\-]{0,40})\))?\s{0,2}(?<sep>:|--|\u2014|\u2013|-)\s+",
        RegexOptions.CultureInvariant)]
    private static partial Regex TitleCase();

    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "LIVE", "ALSO READ", "READ MORE", "EDITOR'S NOTE",
        "NOTE", "PHOTO", "PHOTOS", "VIDEO", "OPINION", "ANALYSIS", "FILE", "FILE PHOTO", "CORRECTION", "CLARIFICATION",
        "SPONSORED", "ADVERTISEMENT", "RELATED", "Q", "A", "I", "IN PICTURES", "EXPLAINED", "EXPLAINER", "REVIEW", "INTERVIEW",
        "FACT CHECK", "WARNING", "SPOILER", "SPOILERS", "TL", "TLDR", "TL;DR", "EDITORIAL", "COMMENT", "LETTERS", "OBITUARY",
    };

    /// <summary>The dateline the paragraph starts with, or null.</summary>
    public static Dateline? Find(string paragraph)
    {
        if (paragraph.Length < 8) return null;
        var head = paragraph.Length > 160 ? paragraph[..160] : paragraph;

        var m = Shouting().Match(head);
        if (m.Success)
        {
            var place = m.Groups["place"].Value.Trim();
            var letters = place.Count(char.IsLetter);
            if (letters >= 2 && !NotPlaces.Contains(place) && m.Index + m.Length < paragraph.Length
                && (m.Groups["sep"].Value != "-" || m.Groups["agency"].Success || m.Groups["date"].Success || letters >= 3))
            {
                var text = TextNormalizer.TitleCaseIfShouting(place.TrimEnd('.'));
                if (m.Groups["region"].Success)
                    text += ", " + TextNormalizer.TitleCaseIfShouting(m.Groups["region"].Value.Trim());
                return new Dateline(text, AgencyOf(m), m.Length);
            }
        }

        m = TitleCase().Match(head);
        if (m.Success && (m.Groups["date"].Success || m.Groups["agency"].Success))
            return new Dateline(m.Groups["place"].Value, AgencyOf(m), m.Length);
        return null;
    }

    private static string? AgencyOf(Match m) =>
        m.Groups["agency"].Success
            ? Agencies.Lookup(m.Groups["agency"].Value) ?? m.Groups["agency"].Value.Trim()
            : null;
}
