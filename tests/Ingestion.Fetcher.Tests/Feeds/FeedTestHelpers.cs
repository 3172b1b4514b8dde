using System.Text;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Fetcher.Tests.Feeds;

internal static class FeedTestHelpers
{
    public static ParsedFeed Parse(string xml, string? baseUrl = "https://example.com/feed", string? contentType = null,
        string? charset = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), contentType, charset, baseUrl);

    public static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);
}
