using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>
/// Decodes a feed body to text. Order: the charset parameter of the HTTP Content-Type, then a byte-order mark,
/// then the XML declaration's encoding, then UTF-8. A UTF-16/32 byte-order mark always wins (reading such a body
/// as an 8-bit charset is never right). ISO-8859-1 and US-ASCII are read as windows-1252 (as browsers do), and a
/// body that claims or defaults to UTF-8 but is not valid UTF-8 is read as the next candidate or windows-1252.
/// </summary>
public static partial class FeedEncoding
{
    static FeedEncoding() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']\s*(?<e>[A-Za-z0-9._:\-]+)\s*["']""")]
    private static partial Regex XmlDeclarationEncoding();

    /// <summary>The decoded text (without byte-order mark) and the encoding used.</summary>
    public sealed record Decoded(string Text, Encoding Encoding, bool FellBack);

    public static Decoded Decode(ReadOnlySpan<byte> body, string? charset)
    {
        var (bomEncoding, bomLength) = DetectBom(body);
        var content = body[bomLength..];

        if (bomEncoding is not null && bomEncoding.CodePage != 65001)
            return new Decoded(bomEncoding.GetString(content), bomEncoding, false);

        var candidates = new List<Encoding>(4);
        AddCandidate(candidates, charset);
        if (bomEncoding is not null) candidates.Add(bomEncoding);
        if (bomEncoding is null && DetectUtf16WithoutBom(content) is { } utf16) return new Decoded(utf16.GetString(content), utf16, false);
        AddCandidate(candidates, DeclaredEncoding(content));
        candidates.Add(new UTF8Encoding(false));

        var fellBack = false;
        foreach (var encoding in candidates)
        {
            if (encoding.CodePage == 65001)
            {
                if (Utf8.IsValid(content)) return new Decoded(new UTF8Encoding(false).GetString(content), encoding, fellBack);
                fellBack = true;
                continue;
            }
            return new Decoded(encoding.GetString(content), encoding, fellBack);
        }
        var detected = Detect(content) ?? System.Text.Encoding.GetEncoding(1252);
        return new Decoded(detected.GetString(content), detected, true);
    }

    /// <summary>The encoding for a charset name, or null when unknown. Latin-1 and ASCII map to windows-1252.</summary>
    public static Encoding? ForName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        n = n switch
        {
            "utf8" or "utf-8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => "utf-8",
            "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "ansi_x3.4-1968"
                or "cp1252" => "windows-1252",
            "utf-16" or "utf16" => "utf-16",
            "x-sjis" or "shift-jis" or "sjis" => "shift_jis",
            "gb2312" or "gbk" or "x-gbk" => "gbk",
            "x-euc-jp" => "euc-jp",
            "cp1251" => "windows-1251",
            _ => n,
        };
        try
        {
            return System.Text.Encoding.GetEncoding(n);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The legacy encoding a statistical detector (uchardet) is confident about, or null.</summary>
    private static Encoding? Detect(ReadOnlySpan<byte> content)
    {
        var sample = content.Length > 64 * 1024 ? content[..(64 * 1024)] : content;
        var result = UtfUnknown.CharsetDetector.DetectFromBytes(sample.ToArray()).Detected;
        if (result is null || result.Confidence < 0.5f || result.EncodingName is null) return null;
        var name = result.EncodingName.ToLowerInvariant();
        if (name.StartsWith("utf", StringComparison.Ordinal) || name is "ascii" or "us-ascii") return null;
        return ForName(name);
    }

    private static void AddCandidate(List<Encoding> list, string? name)
    {
        var e = ForName(name);
        if (e is null) return;
        // A declared UTF-16/32 in a body without a BOM whose bytes are plainly 8-bit is a lie; the declaration test below catches real
        // UTF-16.
        if (e is UnicodeEncoding or UTF32Encoding) return;
        list.Add(e);
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (new UTF32Encoding(false, false), 4);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return (new UTF32Encoding(true, false), 4);
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (new UnicodeEncoding(false, false), 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (new UnicodeEncoding(true, false), 2);
        return (null, 0);
    }

    private static Encoding? DetectUtf16WithoutBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] != 0) return new UTF32Encoding(false, false);
        if (b.Length >= 8 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') return new UTF32Encoding(true, false);
        if (b.Length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) return new UnicodeEncoding(false, false);
        if (b.Length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') return new UnicodeEncoding(true, false);
        return null;
    }

    /// <summary>The encoding named by an XML declaration at the start of the (ASCII-compatible) bytes, or null.</summary>
    internal static string? DeclaredEncoding(ReadOnlySpan<byte> b)
    {
        var head = System.Text.Encoding.Latin1.GetString(b[..Math.Min(b.Length, 512)]);
        var m = XmlDeclarationEncoding().Match(head);
        return m.Success ? m.Groups["e"].Value : null;
    }
}
