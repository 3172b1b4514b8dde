using AngleSharp.Dom;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// The words of an element's class and id: split on anything that is not a letter or digit and at camelCase
/// humps, lower-cased. "relatedArticles share-bar" gives "related", "articles", "share", "bar" — and the joined
/// forms "relatedarticles", "share-bar" as well, so rules can name either.
/// </summary>
internal static class ElementTokens
{
    /// <summary>Class and id values recur on a page and across pages: their words are split once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Cache = new(StringComparer.Ordinal);

    /// <summary>Beyond this many distinct values the cache starts over (memory stays bounded on any input).</summary>
    private const int MaxCached = 50_000;

    public static IReadOnlyList<string> Of(IElement element)
    {
        var cls = Split(element.GetAttribute("class"));
        var id = Split(element.Id);
        if (id.Length == 0) return cls;
        if (cls.Length == 0) return id;
        return [.. cls, .. id];
    }

    public static IReadOnlyList<string> OfClass(IElement element) => Split(element.GetAttribute("class"));

    public static IReadOnlyList<string> OfId(IElement element) => Split(element.Id);

    private static string[] Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        if (Cache.TryGetValue(value, out var cached)) return cached;
        var result = new List<string>();
        Add(value, result);
        var tokens = result.ToArray();
        if (Cache.Count >= MaxCached) Cache.Clear();
        Cache.TryAdd(value, tokens);
        return tokens;
    }

    private static void Add(string value, List<string> into)
    {
        if (value.Length > 500) value = value[..500];
        foreach (var name in value.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var whole = name.ToLowerInvariant();
            into.Add(whole);
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var c = i < name.Length ? name[i] : ' ';
                var boundary = !char.IsLetterOrDigit(c)
                               || (start >= 0 && char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
                if (boundary)
                {
                    if (start >= 0 && i > start)
                    {
                        var token = name[start..i].ToLowerInvariant();
                        if (token != whole) into.Add(token);
                    }
                    start = char.IsLetterOrDigit(c) ? i : -1;
                }
                else if (start < 0)
                {
                    start = i;
                }
            }
        }
    }
}
