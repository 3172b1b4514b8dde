using System.Text.Json;
using Ingestion.Fetcher.Domain.Dates;
using Ingestion.Fetcher.Domain.Feeds.Html;

namespace Ingestion.Evaluation.Feeds;

/// <summary>How the harness compares a value of ours with another project's expectation.
/// Our model holds titles as plain text and summaries as sanitized HTML, so text is compared after markup is
/// stripped, entities decoded and whitespace collapsed; dates are compared as instants; everything else exactly.</summary>
public static class TextCompare
{
    public static string Plain(string? s) => s is null ? "" : HtmlText.ToPlainText(s) ?? "";

    /// <summary>Our value (HTML: sanitized, or plain text encoded) shows the same text as theirs. Theirs is read as
    /// HTML, or — when the other parser reports a plain-text construct, whose value is the literal text — as text.</summary>
    /// <summary>Whether the other parser's string may also be read as literal text (off with <c>--strict-text</c>).</summary>
    public static bool LiteralAlternative { get; set; } = true;

    public static bool SameText(string? ours, string? theirs)
    {
        var text = Plain(ours);
        return string.Equals(text, Plain(theirs), StringComparison.Ordinal)
               || (LiteralAlternative && theirs is not null && string.Equals(text, HtmlText.Collapse(theirs), StringComparison.Ordinal));
    }

    /// <summary>Equality of one of our view values with a JSON literal.</summary>
    public static bool Equal(object? ours, JsonElement literal)
    {
        switch (literal.ValueKind)
        {
            case JsonValueKind.Null:
                return ours is null;
            case JsonValueKind.True:
            case JsonValueKind.False:
                return ours is bool b ? b == literal.GetBoolean() : Truthy(ours) == literal.GetBoolean();
            case JsonValueKind.Number:
                return ours switch
                {
                    int i => literal.TryGetInt64(out var l) && l == i,
                    long l2 => literal.TryGetInt64(out var l3) && l3 == l2,
                    string s => s == literal.GetRawText(),
                    _ => false,
                };
            case JsonValueKind.String:
                var expected = literal.GetString();
                return ours switch
                {
                    string s => SameText(s, expected),
                    int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
                    DateTimeOffset d => FeedDates.Parse(expected) is { } e && e == d,
                    _ => false,
                };
            case JsonValueKind.Array:
                if (ours is not IList<object?> list) return false;
                var items = literal.EnumerateArray().ToList();
                if (items.Count != list.Count) return false;
                for (var k = 0; k < items.Count; k++)
                {
                    if (!Equal(list[k], items[k])) return false;
                }
                return true;
            case JsonValueKind.Object:
                if (ours is not IDictionary<string, object?> map) return false;
                foreach (var p in literal.EnumerateObject())
                {
                    map.TryGetValue(p.Name, out var v);
                    if (!Equal(v, p.Value)) return false;
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>Two encoding names that decode the same way under the WHATWG Encoding Standard (which maps the labels
    /// us-ascii and iso-8859-1 to windows-1252, and gb2312 to gbk, a subset of gb18030).</summary>
    public static bool SameEncoding(string? a, string? b)
    {
        static string Norm(string? e) => (e ?? "").Trim().ToLowerInvariant().Replace("_", "-") switch
        {
            "us-ascii" or "ascii" or "iso-8859-1" or "latin1" or "latin-1" or "cp1252" or "windows-1252" => "windows-1252",
            "gb2312" or "gbk" or "gb18030" => "gb18030",
            "utf8" => "utf-8",
            "tis-620" or "windows-874" or "iso-8859-11" => "windows-874",
            "euc-kr" or "ks_c_5601-1987" or "cp949" => "euc-kr",
            "shift-jis" or "sjis" or "x-sjis" => "shift_jis",
            "utf-16le" or "utf-16be" or "utf-16" => "utf-16",
            "utf-32le" or "utf-32be" or "utf-32" => "utf-32",
            var x => x,
        };
        return Norm(a) == Norm(b);
    }

    public static bool Truthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        int i => i != 0,
        string s => s.Length > 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>feedparser's 9-element struct_time (UTC): [Y, M, D, h, m, s, weekday (Mon=0), day of year, 0].</summary>
    public static IList<object?>? StructTime(DateTimeOffset? d)
    {
        if (d is not { } v) return null;
        var u = v.UtcDateTime;
        return new List<object?> { u.Year, u.Month, u.Day, u.Hour, u.Minute, u.Second, ((int)u.DayOfWeek + 6) % 7, u.DayOfYear, 0 };
    }
}
