using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace Ingestion.TestSupport.Pipeline;

/// <summary>One request <see cref="LocalFeedServer"/> answered: when it arrived, to which host (127.0.0.1:port), which path, what status.</summary>
public sealed record FeedServerRequest(DateTimeOffset At, string Host, string Path, int Status);

/// <summary>
/// RSS feeds of real corpus pages, served on 127.0.0.1 with the pages themselves, for the fetcher's feed source: feed
/// <c>i</c> is <c>/feeds/i.xml</c> on host <c>i mod hosts</c> (each host its own port, so the fetcher's per-host
/// politeness applies per port), and the items link to <c>/pages/NAME</c> on the feed's host. A feed has no items until
/// pages are <see cref="Publish"/>ed; then it lists every page given to it, newest first, with the page's own
/// <c>&lt;title&gt;</c> and an ETag; a page is served as <c>text/html</c> with no charset (as the folder source reads it,
/// the cleaner finds the encoding in the page) (a poll of an unchanged feed answers 304). <c>/robots.txt</c> answers 404 (everything
/// allowed). Every request is logged with its time and host (<see cref="Requests"/>), so a run can say how the fetcher
/// spread its requests over hosts and time. Only 127.0.0.1 is ever listened on.
/// </summary>
public sealed partial class LocalFeedServer : IAsyncDisposable
{
    sealed record Item(CorpusPage Page, string Host, string Title, DateTimeOffset Published);

    readonly HttpListener listener = new();
    readonly List<Item>[] feeds;
    readonly ConcurrentDictionary<string, CorpusPage> pages = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, byte[]> originals = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> titles = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<Task, bool> answering = new();
    readonly Task loop;
    int published;

    /// <param name="feedCount">Feeds served; pages are dealt to them in turn.</param>
    /// <param name="hostCount">Ports listened on, each a host of its own to the fetcher; feeds are dealt to them in turn.</param>
    public LocalFeedServer(int feedCount = 20, int hostCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(feedCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hostCount, 1);
        Hosts = [.. Enumerable.Range(0, hostCount).Select(_ => $"http://127.0.0.1:{FreePort.Next()}")];
        foreach (var host in Hosts) listener.Prefixes.Add(host + "/");
        feeds = [.. Enumerable.Range(0, feedCount).Select(_ => new List<Item>())];
        FeedUrls = [.. Enumerable.Range(0, feedCount).Select(i => $"{Hosts[i % hostCount]}/feeds/{i}.xml")];
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The hosts' base URLs (http://127.0.0.1:PORT).</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>Every feed's URL, to configure the fetcher with.</summary>
    public IReadOnlyList<string> FeedUrls { get; }

    /// <summary>Every request answered so far, in the order answered.</summary>
    public ConcurrentQueue<FeedServerRequest> Requests { get; } = new();

    /// <summary>
    /// Polls of one feed closer together than <paramref name="interval"/> (each pair of consecutive requests for the same
    /// <c>/feeds/</c> path counts once): with any number of fetchers a feed is polled once per interval.
    /// </summary>
    public int PollsCloserThan(TimeSpan interval) => CloserThan(r => r.Path.StartsWith("/feeds/", StringComparison.Ordinal),
        r => r.Host + r.Path, interval).Count;

    /// <summary>Consecutive requests to one host closer together than <paramref name="delay"/>, and the shortest gap seen
    /// between two requests to one host (null with fewer than two): per-host politeness across fetchers.</summary>
    public (int Count, TimeSpan? Shortest) HostGapsCloserThan(TimeSpan delay)
    {
        var gaps = Gaps(_ => true, r => r.Host);
        return (gaps.Count(g => g < delay), gaps.Count > 0 ? gaps.Min() : null);
    }

    /// <summary>Pages (<c>/pages/</c> paths) requested more than once.</summary>
    public int PagesRequestedTwice() => Requests.Where(r => r.Path.StartsWith("/pages/", StringComparison.Ordinal))
        .GroupBy(r => r.Host + r.Path).Count(g => g.Count() > 1);

    List<TimeSpan> CloserThan(Func<FeedServerRequest, bool> which, Func<FeedServerRequest, string> key, TimeSpan limit) =>
        Gaps(which, key).Where(g => g < limit).ToList();

    List<TimeSpan> Gaps(Func<FeedServerRequest, bool> which, Func<FeedServerRequest, string> key) =>
        Requests.Where(which).GroupBy(key)
            .SelectMany(g =>
            {
                var times = g.Select(r => r.At).Order().ToList();
                return times.Zip(times.Skip(1), (a, b) => b - a);
            }).ToList();

    /// <summary>Pages published so far.</summary>
    public int Published => Volatile.Read(ref published);

    /// <summary>
    /// Reads the pages' files and titles ahead (what <see cref="Publish"/> would otherwise do then), so that the reading
    /// is not part of what a measurement of the pipeline sees.
    /// </summary>
    public void Prepare(IEnumerable<CorpusPage> toPrepare)
    {
        foreach (var page in toPrepare) TitleOf(page);
    }

    /// <summary>Adds the pages to the feeds (in turn, continuing where the last call stopped): the next poll finds them.</summary>
    public void Publish(IEnumerable<CorpusPage> toPublish)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var page in toPublish)
        {
            var n = published;
            var feed = n % feeds.Length;
            var host = Hosts[feed % Hosts.Count];
            pages[PagePath(page)] = page;
            var item = new Item(page, host, TitleOf(page), now.AddSeconds(-(n % 3600)));
            lock (feeds[feed]) feeds[feed].Add(item);
            Interlocked.Increment(ref published);
        }
    }

    static string PagePath(CorpusPage page) => "/pages/" + Uri.EscapeDataString(page.FileName);

    byte[] OriginalOf(CorpusPage page) => originals.GetOrAdd(page.SourcePath, _ => CorpusPages.Original(page));

    string TitleOf(CorpusPage page) => titles.GetOrAdd(page.SourcePath, _ =>
    {
        var bytes = OriginalOf(page);
        var head = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(64 * 1024, bytes.Length)));
        var match = TitleElement().Match(head);
        var title = match.Success ? WebUtility.HtmlDecode(WhiteSpace().Replace(match.Groups[1].Value, " ").Trim()) : "";
        return title.Length > 0 ? title : Path.GetFileNameWithoutExtension(page.FileName);
    });

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    string FeedXml(int index, IReadOnlyList<Item> items)
    {
        var xml = new StringBuilder(256 + items.Count * 400);
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>")
            .Append(CultureInfo.InvariantCulture, $"<title>Local feed {index}</title><link>{Hosts[index % Hosts.Count]}/</link>")
            .Append("<description>Corpus pages served on 127.0.0.1</description>");
        for (var i = items.Count - 1; i >= 0; i--)
        {
            var item = items[i];
            var link = item.Host + PagePath(item.Page);
            xml.Append("<item><title>").Append(SecurityElement.Escape(item.Title)).Append("</title>")
                .Append("<link>").Append(SecurityElement.Escape(link)).Append("</link>")
                .Append("<guid isPermaLink=\"true\">").Append(SecurityElement.Escape(link)).Append("</guid>")
                .Append("<pubDate>").Append(item.Published.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            // Stamped on arrival (before it is answered: a fetcher's next request to the host cannot come before this
            // one's answer, so the gaps between stamps are never shorter than the fetcher's), answered off the loop:
            // building one answer must not delay (and bunch up) the next.
            var at = DateTimeOffset.UtcNow;
            var answer = Task.Run(() => AnswerAsync(ctx, at));
            answering[answer] = true;
            _ = answer.ContinueWith(t => answering.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    async Task AnswerAsync(HttpListenerContext ctx, DateTimeOffset at)
    {
        var url = ctx.Request.Url!;
        var path = url.AbsolutePath;
        var (status, type, body, etag) = Answer(path, ctx.Request.Headers["If-None-Match"]);
        // The host is the port the request came in on (what the fetcher takes for a host), not what its Host header says.
        Requests.Enqueue(new FeedServerRequest(at, $"127.0.0.1:{ctx.Request.LocalEndPoint.Port}", path, status));
        try
        {
            ctx.Response.StatusCode = status;
            if (etag is not null) ctx.Response.Headers["ETag"] = etag;
            if (type is not null) ctx.Response.ContentType = type;
            if (body is { Length: > 0 })
            {
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
            }
            ctx.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            try { ctx.Response.Abort(); } catch (ObjectDisposedException) { }
        }
    }

    (int Status, string? Type, byte[]? Body, string? ETag) Answer(string path, string? ifNoneMatch)
    {
        if (path.StartsWith("/pages/", StringComparison.Ordinal) && pages.TryGetValue(path, out var page))
            return (200, "text/html", CorpusPages.WithCopyMark(page, OriginalOf(page)), null);
        if (path.StartsWith("/feeds/", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal)
            && int.TryParse(path["/feeds/".Length..^".xml".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < feeds.Length)
        {
            Item[] items;
            lock (feeds[index]) items = [.. feeds[index]];
            var etag = $"\"{items.Length}\"";
            if (ifNoneMatch == etag) return (304, null, null, etag);
            return (200, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(FeedXml(index, items)), etag);
        }
        return (404, "text/plain", "not found"u8.ToArray(), null);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await loop;
        await Task.WhenAll(answering.Keys);
        listener.Close();
    }
}
