using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds.Xml;

/// <summary>
/// Loads feed XML safely: no DTD processing, no resolver, a tiny entity budget. A DOCTYPE with an internal subset
/// (entity declarations: XXE, "billion laughs") is refused with <see cref="FeedFormatException"/> "DTD not allowed";
/// a DOCTYPE that only names an external DTD (the Netscape RSS 0.91 one, XHTML) is dropped unread.
/// Malformed documents get one lenient second pass (HTML named entities, stray ampersands, undeclared prefixes);
/// what was repaired is reported.
/// </summary>
internal static partial class SafeXml
{
    /// <summary>Prefixes feeds use without declaring them, bound to their usual namespaces.</summary>
    private static readonly (string Prefix, string Uri)[] WellKnownPrefixes =
    [
        ("dc", XmlNames.Dc), ("dcterms", XmlNames.DcTerms), ("content", XmlNames.Content), ("media", XmlNames.Media),
        ("atom", XmlNames.Atom10), ("rdf", XmlNames.Rdf), ("itunes", XmlNames.ITunes), ("slash", "http://purl.org/rss/1.0/modules/slash/"),
        ("wfw", "http://wellformedweb.org/CommentAPI/"), ("sy", XmlNames.Syndication), ("georss", "http://www.georss.org/georss"),
        ("news", XmlNames.News), ("image", XmlNames.Image), ("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
        ("xhtml", XmlNames.Xhtml),
    ];

    private const int MaxRepairRounds = 16;

    [GeneratedRegex(@"'(?<p>[^']+)' is an undeclared (?:namespace )?prefix")]
    private static partial Regex UndeclaredPrefix();

    [GeneratedRegex(@"The '(?<start>[^']+)' start tag on line \d+ position \d+ does not match the end tag of '(?<end>[^']+)'")]
    private static partial Regex MismatchedEndTag();

    /// <summary>The text with the end tag <c>&lt;/from&gt;</c> at (line, position) renamed to <paramref name="to"/>, or null
    /// when it is not found there.</summary>
    private static string? RenameEndTag(string text, int line, int position, string from, string to)
    {
        var offset = 0;
        for (var l = 1; l < line; l++)
        {
            offset = text.IndexOf('\n', offset);
            if (offset < 0) return null;
            offset++;
        }
        var guess = offset + position - 1;
        var tag = "</" + from;
        var start = -1;
        for (var k = Math.Min(text.Length - 1, guess + 2); k >= Math.Max(0, guess - 16); k--)
        {
            if (text.AsSpan(k).StartsWith(tag, StringComparison.Ordinal)) { start = k; break; }
        }
        if (start < 0) return null;
        return string.Concat(text.AsSpan(0, start + 2), to, text.AsSpan(start + 2 + from.Length));
    }

    public static XDocument Load(string text, List<string> repairs)
    {
        text = RemoveInvalidCharacters(text, repairs);
        text = text.TrimStart().TrimStart('\uFEFF').TrimStart();
        text = HandleDoctype(text, repairs);

        var extraPrefixes = new List<string>();
        var repaired = false;
        for (var round = 0; ; round++)
        {
            try
            {
                var document = Parse(text, extraPrefixes);
                NoteUndeclaredWellKnownPrefixes(document, repairs);
                return document;
            }
            catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                throw new FeedFormatException($"DTD not allowed: {ex.Message}", ex);
            }
            catch (XmlException ex) when (round < MaxRepairRounds)
            {
                var m = UndeclaredPrefix().Match(ex.Message);
                if (m.Success && !extraPrefixes.Contains(m.Groups["p"].Value))
                {
                    extraPrefixes.Add(m.Groups["p"].Value);
                    repairs.Add($"declared undeclared namespace prefix '{m.Groups["p"].Value}'");
                    continue;
                }
                if (MismatchedEndTag().Match(ex.Message) is { Success: true } mm
                    && RenameEndTag(text, ex.LineNumber, ex.LinePosition, mm.Groups["end"].Value, mm.Groups["start"].Value) is { } renamed)
                {
                    repairs.Add($"closed <{mm.Groups["start"].Value}> whose end tag was written </{mm.Groups["end"].Value}>");
                    text = renamed;
                    continue;
                }
                if (!repaired)
                {
                    repaired = true;
                    var fixedText = XmlRepair.Repair(text, repairs);
                    if (!ReferenceEquals(fixedText, text))
                    {
                        text = fixedText;
                        continue;
                    }
                }
                throw new FeedFormatException($"Malformed XML: {ex.Message}", ex);
            }
            catch (XmlException ex)
            {
                throw new FeedFormatException($"Malformed XML: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Well-known prefixes (itunes, dc, ...) are bound before parsing, so a document that uses one without
    /// declaring it still reads; it is not namespace-well-formed, and that is reported.</summary>
    private static void NoteUndeclaredWellKnownPrefixes(XDocument document, List<string> repairs)
    {
        HashSet<string>? used = null;
        HashSet<string>? declared = null;
        foreach (var e in document.Descendants())
        {
            if (e.Name.NamespaceName.Length > 0) (used ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.Name.NamespaceName);
            if (!e.HasAttributes) continue;
            foreach (var a in e.Attributes())
                if (a.IsNamespaceDeclaration) (declared ??= new HashSet<string>(StringComparer.Ordinal)).Add(a.Value);
        }
        if (used is null) return;
        foreach (var (prefix, uri) in WellKnownPrefixes)
        {
            if (used.Contains(uri) && (declared is null || !declared.Contains(uri)))
                repairs.Add($"declared undeclared namespace prefix '{prefix}'");
        }
    }

    private static XDocument Parse(string text, List<string> extraPrefixes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = 256L * 1024 * 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = true,
            CloseInput = true,
        };
        var nameTable = new NameTable();
        var ns = new XmlNamespaceManager(nameTable);
        foreach (var (prefix, uri) in WellKnownPrefixes) ns.AddNamespace(prefix, uri);
        foreach (var prefix in extraPrefixes) ns.AddNamespace(prefix, "urn:ingestion:undeclared:" + prefix);
        var context = new XmlParserContext(nameTable, ns, null, XmlSpace.None);
        using var reader = XmlReader.Create(new StringReader(text), settings, context);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    /// <summary>Removes characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).</summary>
    internal static string RemoveInvalidCharacters(string text, List<string> repairs)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsValidAt(text, i)) { firstBad = i; break; }
            if (char.IsHighSurrogate(text[i])) i++;
        }
        if (firstBad < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        var removed = 0;
        for (var i = firstBad; i < text.Length; i++)
        {
            if (!IsValidAt(text, i)) { removed++; continue; }
            sb.Append(text[i]);
            if (char.IsHighSurrogate(text[i])) sb.Append(text[++i]);
        }
        repairs.Add($"removed {removed} character(s) not allowed in XML");
        return sb.ToString();
    }

    private static bool IsValidAt(string s, int i)
    {
        var c = s[i];
        if (c < 0x20) return c is '\t' or '\n' or '\r';
        if (c is '\uFFFE' or '\uFFFF') return false;
        if (char.IsHighSurrogate(c)) return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return true;
    }

    /// <summary>
    /// Scans the prolog. A DOCTYPE with an internal subset is refused; one that only references an external DTD is removed
    /// (never fetched: there is no resolver). Anything else is left alone.
    /// </summary>
    internal static string HandleDoctype(string text, List<string> repairs)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (Starts(text, i, "<?"))
            {
                var end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0) return text;
                i = end + 2;
            }
            else if (Starts(text, i, "<!--"))
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return text;
                i = end + 3;
            }
            else if (Starts(text, i, "<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
            {
                var j = i + 9;
                char quote = '\0';
                for (; j < text.Length; j++)
                {
                    var c = text[j];
                    if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                    if (c is '"' or '\'') { quote = c; continue; }
                    if (c == '[')
                        throw new FeedFormatException(
                            "DTD not allowed: the document's DOCTYPE has an internal subset (entity declarations are refused: XXE, entity "
                                + "expansion).");
                    if (c == '>') break;
                }
                if (j >= text.Length) throw new FeedFormatException("DTD not allowed: unterminated DOCTYPE declaration.");
                repairs.Add("ignored a DOCTYPE that names an external DTD (not loaded)");
                return string.Concat(text.AsSpan(0, i), new string(' ', j + 1 - i), text.AsSpan(j + 1));
            }
            else
            {
                return text;
            }
        }
        return text;
    }

    private static bool Starts(string s, int i, string prefix, StringComparison comparison = StringComparison.Ordinal) =>
        i + prefix.Length <= s.Length && string.Compare(s, i, prefix, 0, prefix.Length, comparison) == 0;
}
