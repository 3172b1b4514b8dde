using System.Text;
using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Decoding;

/// <summary>How the bytes of a page were turned into text.</summary>
internal sealed record DecodedBody(string Text, Encoding Encoding, string Source);

/// <summary>
/// Turns page bytes into text. Order: byte-order mark (it is unambiguous, and the HTML standard lets it win),
/// the declared charset, a <c>&lt;meta charset&gt;</c> in the first bytes of markup, else UTF-8; bytes that are
/// not valid UTF-8 fall back to windows-1252.
/// </summary>
internal static partial class BodyDecoder
{
    /// <summary>Browsers look at the first 1024 bytes; pages with long heads declare their charset later, so look further.</summary>
    private const int MetaScanBytes = 32 * 1024;

    static BodyDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Forces the static constructor (encoding provider registration) to run.</summary>
    internal static void EnsureInitialised() { }

    public static DecodedBody Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool isMarkup)
    {
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is not null)
            return new DecodedBody(bomEncoding.GetString(bytes[bomLength..]), bomEncoding, "bom");

        if (TryGetEncoding(declaredCharset) is { } declared)
            return ValidUtf8Instead(bytes, declared) ?? DecodeWith(bytes, declared, "declared");

        if (isMarkup && TryGetEncoding(FindMetaCharset(bytes)) is { } meta)
            return ValidUtf8Instead(bytes, meta) ?? DecodeWith(bytes, meta, "meta");

        return DecodeWith(bytes, Encoding.UTF8, "default");
    }

    /// <summary>
    /// Declarations lie (a template says euc-kr, a server says iso-8859-1) while the bytes are UTF-8. Non-ASCII bytes
    /// that form valid UTF-8 almost never come from a legacy encoding, so such bytes are read as UTF-8.
    /// </summary>
    private static DecodedBody? ValidUtf8Instead(ReadOnlySpan<byte> bytes, Encoding declared)
    {
        if (declared.CodePage == Encoding.UTF8.CodePage || System.Text.Ascii.IsValid(bytes)) return null;
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        return new DecodedBody(Encoding.UTF8.GetString(bytes), Encoding.UTF8, "valid-utf8-over-" + declared.WebName);
    }

    private static DecodedBody DecodeWith(ReadOnlySpan<byte> bytes, Encoding encoding, string source)
    {
        if (encoding.CodePage != Encoding.UTF8.CodePage)
            return new DecodedBody(encoding.GetString(bytes), encoding, source);
        try
        {
            return new DecodedBody(StrictUtf8.GetString(bytes), Encoding.UTF8, source);
        }
        catch (DecoderFallbackException)
        {
            var fallback = Encoding.GetEncoding(1252);
            return new DecodedBody(fallback.GetString(bytes), fallback, source + "+windows-1252-fallback");
        }
    }

    internal static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (Encoding.UTF8, 3);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (Encoding.Unicode, 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    /// <summary>Looks for <c>&lt;meta charset=...&gt;</c> or <c>http-equiv content="...; charset=..."</c> in the first bytes.</summary>
    internal static string? FindMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        foreach (Match tag in MetaTag().Matches(head))
        {
            var m = CharsetAttr().Match(tag.Value);
            if (m.Success) return m.Groups[1].Value;
        }
        return null;
    }

    /// <summary>Maps a charset label to an encoding, following the WHATWG aliases that matter; null when unknown.</summary>
    internal static Encoding? TryGetEncoding(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        switch (name)
        {
            // WHATWG: these labels mean windows-1252.
            case "iso-8859-1" or "latin1" or "l1" or "iso8859-1" or "us-ascii" or "ascii" or "cp1252" or "x-cp1252":
                return Encoding.GetEncoding(1252);
            // A meta tag claiming UTF-16 in bytes we could read as ASCII is wrong; the standard reads UTF-8.
            case "utf-16" or "utf-16le" or "utf-16be" or "unicode":
                return Encoding.UTF8;
            case "utf8" or "unicode-1-1-utf-8":
                return Encoding.UTF8;
            case "x-sjis" or "shift-jis":
                name = "shift_jis";
                break;
            case "gb2312" or "gbk" or "x-gbk":
                name = "gb18030";
                break;
        }
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta\b[^>]{0,512}>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]{1,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetAttr();
}
