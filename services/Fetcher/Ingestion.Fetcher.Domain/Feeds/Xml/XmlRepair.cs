using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>
/// The lenient second pass for malformed feeds: outside CDATA sections and comments, an HTML named entity XML does not
/// know (&amp;nbsp;, &amp;eacute;) becomes a numeric reference and a bare "&amp;" becomes "&amp;amp;".
/// Also: an XML declaration that is not at the very start is removed, "&amp;#X41;" becomes "&amp;#x41;", and a document
/// truncated inside its last end tag ("&lt;/rss") gets its "&gt;" back.
/// Returns the same instance when nothing changed.
/// </summary>
internal static partial class XmlRepair
{
    [GeneratedRegex(@"<\?xml\s[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"</[A-Za-z_][\w.:\-]*\s*$")]
    private static partial Regex TruncatedEndTag();

    public static string Repair(string text, List<string> repairs)
    {
        var original = text;
        var declaration = XmlDeclaration().Match(text);
        if (declaration.Success && declaration.Index > 0)
        {
            text = XmlDeclaration().Replace(text, m => m.Index == 0 ? m.Value : "");
            repairs.Add("removed an XML declaration that was not at the start");
        }
        if (text.Contains("&#X", StringComparison.Ordinal))
        {
            text = text.Replace("&#X", "&#x", StringComparison.Ordinal);
            repairs.Add("lower-cased '&#X' character references");
        }
        if (TruncatedEndTag().IsMatch(text))
        {
            text = text.TrimEnd() + ">";
            repairs.Add("closed a truncated final end tag");
        }
        text = FixEntities(text, repairs);
        return text == original ? original : text;
    }

    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    public static string FixEntities(string text, List<string> repairs)
    {
        StringBuilder? sb = null;
        int entities = 0, ampersands = 0, copiedUpTo = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                string? terminator = null;
                if (string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0) terminator = "]]>";
                else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0) terminator = "-->";
                if (terminator is not null)
                {
                    var end = text.IndexOf(terminator, i, StringComparison.Ordinal);
                    if (end < 0) break;
                    i = end + terminator.Length - 1;
                }
                continue;
            }
            if (text[i] != '&') continue;

            var semicolon = -1;
            for (var j = i + 1; j < text.Length && j - i <= 32; j++)
            {
                var c = text[j];
                if (c == ';') { semicolon = j; break; }
                if (!(char.IsAsciiLetterOrDigit(c) || c == '#')) break;
            }
            string? replacement;
            if (semicolon > i + 1)
            {
                var name = text.Substring(i + 1, semicolon - i - 1);
                if (name[0] == '#' || XmlEntities.Contains(name)) continue; // already fine
                var decoded = WebUtility.HtmlDecode("&" + name + ";");
                if (decoded != "&" + name + ";")
                {
                    var refs = new StringBuilder();
                    for (var k = 0; k < decoded.Length; k++)
                    {
                        var cp = char.ConvertToUtf32(decoded, k);
                        if (char.IsHighSurrogate(decoded[k])) k++;
                        refs.Append("&#").Append(cp).Append(';');
                    }
                    replacement = refs.ToString();
                    entities++;
                    sb ??= new StringBuilder(text.Length + 64);
                    sb.Append(text, copiedUpTo, i - copiedUpTo).Append(replacement);
                    copiedUpTo = semicolon + 1;
                    i = semicolon;
                    continue;
                }
            }
            // a bare ampersand (or an unknown entity): escape it
            ampersands++;
            sb ??= new StringBuilder(text.Length + 64);
            sb.Append(text, copiedUpTo, i - copiedUpTo).Append("&amp;");
            copiedUpTo = i + 1;
        }
        if (sb is null) return text;
        sb.Append(text, copiedUpTo, text.Length - copiedUpTo);
        if (entities > 0) repairs.Add($"replaced {entities} HTML named entit{(entities == 1 ? "y" : "ies")} unknown to XML");
        if (ampersands > 0) repairs.Add($"escaped {ampersands} bare ampersand(s)");
        return sb.ToString();
    }
}
