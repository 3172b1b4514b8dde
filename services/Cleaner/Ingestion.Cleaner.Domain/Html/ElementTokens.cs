using AngleSharp.Dom;

namespace Ingestion.Cleaner.Domain.Html;

/// <summary>
/// The words of an element's class and id: split on anything that is not a letter or digit and at camelCase
/// humps, lower-cased. "relatedArticles share-bar" gives "related", "articles", "share", "bar" — and the joined
/// forms "relatedarticles", "share-bar" as well, so rules can name either.
/// </summary>
internal static class ElementTokens
{
    public static IReadOnlyList<string> Of(IElement element)
    {
        var result = new List<string>();
        Add(element.GetAttribute("class"), result);
        Add(element.Id, result);
        return result;
    }

    public static IReadOnlyList<string> OfClass(IElement element)
    {
        var result = new List<string>();
        Add(element.GetAttribute("class"), result);
        return result;
    }

    public static IReadOnlyList<string> OfId(IElement element)
    {
        var result = new List<string>();
        Add(element.Id, result);
        return result;
    }

    private static void Add(string? value, List<string> into)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
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
