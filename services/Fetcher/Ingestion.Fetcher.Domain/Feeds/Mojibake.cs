using System.Text;
using System.Text.Unicode;
using System.Xml.Linq;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>
/// Repairs text that was UTF-8, read once as Latin-1 or windows-1252 and encoded to UTF-8 again ("KÃ¤ltewelle" for
/// "Kältewelle"), as feedparser does for UTF-8 documents. A string is changed only when every non-ASCII character maps
/// back to one byte and those bytes form valid UTF-8 with at least one multi-byte sequence, which ordinary text
/// practically never does.
/// </summary>
public static class Mojibake
{
    private static readonly Encoding Cp1252;

    static Mojibake()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Cp1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>The repaired text, or the same instance when it is not double-encoded.</summary>
    public static string Repair(string text)
    {
        var hasHigh = false;
        foreach (var c in text)
        {
            if (c >= 0x80) { hasHigh = true; break; }
        }
        if (!hasHigh) return text;

        var bytes = new byte[text.Length];
        Span<byte> one = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= 0xFF)
            {
                bytes[i] = (byte)c;
                continue;
            }
            try
            {
                if (Cp1252.GetBytes([c], one) != 1) return text;
            }
            catch (EncoderFallbackException)
            {
                return text;
            }
            bytes[i] = one[0];
        }
        if (!Utf8.IsValid(bytes)) return text;
        var repaired = Encoding.UTF8.GetString(bytes);
        return repaired.Length < text.Length ? repaired : text;
    }

    /// <summary>Repairs every text node of a document (before any whitespace is collapsed: a double-encoded
    /// no-break space is "Â" followed by U+00A0). Returns how many nodes changed.</summary>
    internal static int Repair(XDocument document)
    {
        var changed = 0;
        foreach (var text in document.DescendantNodes().OfType<XText>())
        {
            var repaired = Repair(text.Value);
            if (ReferenceEquals(repaired, text.Value)) continue;
            text.Value = repaired;
            changed++;
        }
        return changed;
    }

    /// <summary>Replaces C1 control characters (U+0080–U+009F) in text and attribute values by the windows-1252
    /// characters they stand for (curly quotes, dashes, €, …): they come from windows-1252 bytes or <c>&amp;#146;</c>
    /// references in documents that claim ISO-8859-1, and are never meant as controls. Returns how many values changed.</summary>
    public static int ReplaceC1Controls(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var changed = 0;
        foreach (var node in document.DescendantNodes())
        {
            if (node is XText t && HasC1(t.Value)) { t.Value = FromC1(t.Value); changed++; }
            else if (node is XElement e)
            {
                foreach (var a in e.Attributes())
                {
                    if (HasC1(a.Value)) { a.Value = FromC1(a.Value); changed++; }
                }
            }
        }
        return changed;
    }

    private static bool HasC1(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u0080' and <= '\u009F') return true;
        }
        return false;
    }

    private static string FromC1(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                var mapped = Encoding.GetEncoding(1252).GetString([(byte)chars[i]]);
                if (mapped.Length == 1 && mapped[0] is not (>= '\u0080' and <= '\u009F')) chars[i] = mapped[0];
            }
        }
        return new string(chars);
    }
}
