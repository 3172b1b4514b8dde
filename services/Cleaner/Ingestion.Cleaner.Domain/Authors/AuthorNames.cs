using System.Text.RegularExpressions;
using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Domain.Authors;

/// <summary>The result of reading an author string.</summary>
/// <param name="Names">Person names, cleaned ("By", roles, e-mails and dates removed), in order, without duplicates.</param>
/// <param name="Agency">An agency named among the authors ("By Jane Doe, Reuters"), or null.</param>
/// <param name="UnreadWords">Words of pieces that were neither a name, a role nor an agency.</param>
internal sealed record AuthorParse(IReadOnlyList<string> Names, string? Agency, int UnreadWords);

/// <summary>
/// Cleans author strings from bylines, meta tags and JSON-LD: "By JANE DOE and John Roe, Staff Writers" becomes
/// ["Jane Doe", "John Roe"]; agencies are set apart; strings that are not names are dropped.
/// </summary>
internal static partial class AuthorNames
{
    private const int MaxNameWords = 5;
    private const int MaxNameLength = 60;

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
        "contributor", "contributors", "columnist", "journalist", "special", "senior", "chief", "associate", "managing",
        "deputy", "assistant", "desk", "team", "bureau", "our", "analyst", "producer", "photographer", "intern", "author",
        "guest", "contributing", "freelance", "executive", "political", "diplomatic", "business", "sports", "science",
        "health", "technology", "tech", "economics", "foreign", "national", "international", "affairs", "legal",
        "editorial", "board", "administrator", "admin", "newsdesk", "news", "online", "web", "digital", "agencies",
        "manager", "director", "marketing", "officer", "founder", "cofounder", "co-founder", "ceo", "cto", "coordinator",
        "specialist", "consultant", "strategist", "head", "lead", "fellow", "professor", "host", "anchor", "presenter",
    };

    /// <summary>Words that never appear in a person's name in a byline.</summary>
    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "updated", "published", "posted", "share", "follow", "read", "more", "minutes", "min", "mins",
        "ago", "hours", "hour", "today", "yesterday", "comments", "comment", "image", "images", "photo", "photos", "video",
        "getty", "shutterstock", "subscribe", "home", "opinion", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "date", "edition", "print", "email", "facebook", "twitter", "linkedin", "whatsapp",
        "instagram", "unknown", "anonymous", "is", "was", "are", "has", "have", "this", "that",
        "for", "from", "in", "on", "at", "to", "with", "by", "via", "ist", "gmt", "utc", "am", "pm", "last", "first",
        "click", "here", "view", "profile", "all", "posts", "articles", "stories", "about", "contact", "et", "pt",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "du", "van", "von", "der", "den", "del", "della", "di", "la", "le", "bin", "bint",
        "ibn", "al", "el", "y", "e", "ter", "ten", "zu", "af", "St.",
    };

    [GeneratedRegex(@"https?://\S+|www\.\S+|\S+@\S+\.\w+|(?<!\w)@\w+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinksAndHandles();

    [GeneratedRegex(@"\(([^()]{0,80})\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\W{0,3}(?:(?:written|reported|compiled|posted|story|words|text|report|reporting|analysis|commentary|column|"
        + @"interview)\s+by|by|author(?:s|\(s\))?|writers?|reporters?|byline|from)\b\s*[:\-]?\s*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"\s*(?:[,;|/&\u2022\u00B7+]|\s(?:and|AND|And|with|With|WITH)\s|\s[\-\u2013\u2014]\s)\s*",
        RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\b(?:edited|photos?|photographs?|illustrations?|graphics?|video|additional\s+reporting|translated|produced|designed|"
        + @"fact-checked)\s+by\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonAuthorCredit();

    /// <summary>Parses one author string (a byline, a meta tag value, a JSON-LD name).</summary>
    /// <param name="raw">The text.</param>
    /// <param name="allowSingleWord">Accept one-word names ("Madonna"); off for bylines found in running text.</param>
    public static AuthorParse Parse(string? raw, bool allowSingleWord = true)
    {
        var names = new List<string>();
        string? agency = null;
        var unread = 0;
        if (string.IsNullOrWhiteSpace(raw)) return new AuthorParse(names, null, 0);

        var text = TextNormalizer.CollapseWhitespace(raw);
        if (text.Length > 400) text = text[..400];
        text = NonAuthorCredit().Replace(text, " ");
        text = Parenthetical().Replace(text, m =>
        {
            agency ??= Agencies.Lookup(m.Groups[1].Value);
            return " | ";
        });
        text = LinksAndHandles().Replace(text, " ");

        foreach (var rawPiece in Separators().Split(text))
        {
            var piece = rawPiece.Trim(' ', '.', ',', ':', ';', '-', '\u2013', '\u2014', '"', '\'', '\u201C', '\u201D', '(', ')', '[', ']');
            for (var guard = 0; guard < 3; guard++)
            {
                var stripped = LeadingLabel().Replace(piece, "");
                if (stripped.Length == piece.Length) break;
                piece = stripped.Trim();
            }
            if (piece.Length == 0) continue;

            if (Agencies.Lookup(piece) is { } known)
            {
                agency ??= known;
                continue;
            }
            if (Agencies.RecogniseSourceLine(piece) is { } source)
            {
                agency ??= source;
                continue;
            }

            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var firstRole = words.FindIndex(w => RoleWords.Contains(w.Trim('.', ',')));
            if (firstRole >= 0)
            {
                // "Staff Writer", "Washington Correspondent": a role, not a name. "Jane Doe Staff Writer": the name before it.
                if (firstRole < 2) continue;
                words = words.Take(firstRole).ToList();
            }

            if ((allowSingleWord || words.Count > 1) && TryName(words) is { } name)
            {
                if (!names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
            }
            else
            {
                unread += words.Count;
            }
        }
        return new AuthorParse(names, agency, unread);
    }

    /// <summary>Cleans several author strings (e.g. a JSON-LD author list) into one list of names.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string?> raws)
    {
        var names = new List<string>();
        foreach (var raw in raws)
        foreach (var name in Parse(raw).Names)
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                names.Add(name);
        return names;
    }

    private static string? TryName(List<string> words)
    {
        if (words.Count is 0 or > MaxNameWords * 2) return null;
        var letters = 0;
        foreach (var w in words)
        {
            var bare = w.Trim('.');
            if (bare.Length == 0) return null;
            if (NotNameWords.Contains(bare)) return null;
            foreach (var c in w)
            {
                if (char.IsLetter(c)) letters++;
                else if (c is not '.' and not '\'' and not '\u2019' and not '-') return null;
            }
            if (Particles.Contains(w)) continue;
            if (!char.IsUpper(w[0]) && !(w.StartsWith("al-", StringComparison.Ordinal) || w.StartsWith("el-", StringComparison.Ordinal)))
                return null;
        }
        if (letters < 3) return null;
        if (words.Count == 1 && words[0].Length < 3) return null;
        // "CNN", "BBC": a one-word acronym is an organisation, not a person.
        if (words.Count == 1 && words[0].Length <= 5 && words[0].All(c => !char.IsLetter(c) || char.IsUpper(c))) return null;
        // "Chris Stokel-Walker Chris Stokel-Walker": the same name twice (a link and its text run together).
        if (words.Count % 2 == 0 && words.Take(words.Count / 2).SequenceEqual(words.Skip(words.Count / 2)))
            words = words.Take(words.Count / 2).ToList();
        if (words.Count > MaxNameWords) return null;
        var name = string.Join(' ', words);
        if (name.Length > MaxNameLength) return null;
        return TextNormalizer.TitleCaseIfShouting(name);
    }
}
