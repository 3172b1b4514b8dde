using System.Text.RegularExpressions;
using Ingestion.Cleaner.Domain.Dates;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// Blog platforms describe each post in an RDF block, often inside an HTML comment the parser keeps as a comment
/// (<c>&lt;rdf:Description dc:date="2020-07-12T22:00:00+09:00"&gt;</c>): its <c>dc:date</c> is the post's date.
/// </summary>
internal static partial class EmbeddedRdf
{
    [GeneratedRegex(@"<rdf:Description\b[^>]{0,2000}?\bdc:date\s*=\s*[""']([^""'<>]{8,40})[""']",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionDate();

    public static DateTimeOffset? Date(string html)
    {
        if (html.IndexOf("rdf:Description", StringComparison.OrdinalIgnoreCase) < 0) return null;
        var m = DescriptionDate().Match(html);
        return m.Success ? DateParsing.ParseMachineDate(m.Groups[1].Value) : null;
    }
}
