using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ingestion.Indexer.Domain.Search;

/// <summary>
/// Where a page of results ended: opaque to clients (base64url JSON). Ranked searches continue after (score, article id);
/// the newest list after (published, article id). <see cref="AsOf"/> fixes the clock the recency term used on the first
/// page, so scores, and therefore the order, stay the same across pages. <see cref="NearTitles"/>: the search found nothing
/// by full text and fell back to near-matching titles, so its next pages do too. <see cref="Total"/>: the first page's
/// total (and whether it was an estimate), repeated on the next pages.
/// </summary>
public sealed record SearchCursor(bool Ranked, DateTimeOffset AsOf, double Score, DateTimeOffset? Published, string ArticleId,
    string Fingerprint,
    bool NearTitles = false, long? Total = null, bool TotalIsEstimate = false)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(
            new Wire(Ranked ? "r" : "n", AsOf.ToUnixTimeMilliseconds(), Score, Published is { } p
                ? (p.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10 : null,
                ArticleId, Fingerprint, NearTitles ? true : null, Total, TotalIsEstimate ? true : null), Json))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (SearchCursor? Cursor, string? Error) Decode(string text)
    {
        const string bad = "cursor is not one this API gave out: pass the 'next' value of the previous page unchanged.";
        if (text.Length > 2000) return (null, bad);
        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var w = JsonSerializer.Deserialize<Wire>(Convert.FromBase64String(b64), Json);
            if (w is null || w.K is not ("r" or "n") || string.IsNullOrEmpty(w.Id) || string.IsNullOrEmpty(w.F) || !double.IsFinite(w.S))
                return (null, bad);
            return (new SearchCursor(w.K == "r", DateTimeOffset.FromUnixTimeMilliseconds(w.T), w.S,
                w.P is { } p ? DateTimeOffset.UnixEpoch.AddTicks(p * 10) : null, w.Id, w.F, w.N == true, w.C is >= 0 ? w.C
                    : null, w.E == true), null);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return (null, bad);
        }
    }

    /// <summary>A short hash of the query and filters.</summary>
    public static string FingerprintOf(string? q, string? lang, string? source, DateTimeOffset? from, DateTimeOffset? to,
        EntityFilter? entity)
    {
        var key = string.Join('\u001f', q, lang, source, from?.UtcTicks.ToString(CultureInfo.InvariantCulture),
            to?.UtcTicks.ToString(CultureInfo.InvariantCulture), entity?.Name.ToLowerInvariant(), entity?.Type);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6)).ToLowerInvariant();
    }

    /// <summary>Published as microseconds since the epoch (PostgreSQL's precision), so the keyset compares exactly.</summary>
    sealed record Wire(string K, long T, double S, long? P, string Id, string F, bool? N, long? C = null, bool? E = null);
}
