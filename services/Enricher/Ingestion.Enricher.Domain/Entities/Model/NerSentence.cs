namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// One sentence as the trained recogniser sees it: the token texts, and per token what the word lists say
/// (gazetteer match with its B/I position, given name, demonym, title word). Built once per sentence.
/// </summary>
public sealed class NerSentence
{
    public string[] Words { get; }
    public string[] Lower { get; }
    public string[] Shape { get; }
    public string[] ShortShape { get; }
    /// <summary>"B-LOC", "I-ORG", ... where a listed name (exact spelling) covers the token, else null.</summary>
    public string?[] Listed { get; }
    /// <summary>The same for a case-insensitive match ("argentina"), else null.</summary>
    public string?[] ListedAnyCase { get; }
    /// <summary>Bit flags per token: 1 given name, 2 demonym, 4 title word, 8 surname of a listed person, 16 stopword.</summary>
    public int[] Flags { get; }

    public int Length => Words.Length;

    /// <summary>"B" / "I" where a GeoNames city name (Resources/geonames-cities.txt) covers the token, else null.</summary>
    public string?[] City { get; }

    private static readonly Lazy<HashSet<string>> Cities =
        new(() => new HashSet<string>(Resources.EmbeddedText.Lines("geonames-cities.txt"), StringComparer.Ordinal));
    /// <summary>The GeoNames city names the model's city features match.</summary>
    public static IEnumerable<string> CityNames => Cities.Value;

    private static readonly Lazy<HashSet<string>> CityFirstWords =
        new(() => new HashSet<string>(Cities.Value.Select(c => c.Split(' ')[0]), StringComparer.Ordinal));

    /// <summary>Per token, its <see cref="WordClusters"/> ids (coarse to fine), or null for a word outside the table.</summary>
    public string[]?[] Clusters { get; }

    /// <summary>How the sentence is written: "lower" (no capital after the first word), "upper" (mostly capitals) or "mixed".</summary>
    public string Casing { get; }

    public NerSentence(IReadOnlyList<string> words, Gazetteer gazetteer)
    {
        var n = words.Count;
        Words = words.ToArray();
        Lower = new string[n];
        Shape = new string[n];
        ShortShape = new string[n];
        Listed = new string?[n];
        ListedAnyCase = new string?[n];
        Flags = new int[n];
        for (var i = 0; i < n; i++)
        {
            var w = Words[i];
            Lower[i] = w.ToLowerInvariant();
            (Shape[i], ShortShape[i]) = Shapes(w);
            var flags = 0;
            if (gazetteer.FirstNames.Contains(w)) flags |= 1;
            if (gazetteer.Demonyms.Contains(w)) flags |= 2;
            if (gazetteer.TitleHeads.Contains(w) || gazetteer.TitleModifiers.Contains(w)) flags |= 4;
            if (gazetteer.Surnames.ContainsKey(w)) flags |= 8;
            if (gazetteer.Stopwords.Contains(Lower[i])) flags |= 16;
            Flags[i] = flags;
        }
        Clusters = new string[]?[n];
        var clusters = WordClusters.Default;
        for (var i = 0; i < n; i++) Clusters[i] = clusters.Of(Lower[i]);
        Casing = CasingOf(Words);
        City = new string?[n];
        MatchCities();
        Match(gazetteer, caseInsensitive: false, Listed);
        Match(gazetteer, caseInsensitive: true, ListedAnyCase);
    }

    private void Match(Gazetteer gazetteer, bool caseInsensitive, string?[] into)
    {
        var n = Words.Length;
        var i = 0;
        while (i < n)
        {
            var matched = 0;
            // Listed names start with a capital or a digit; only the case-insensitive pass looks further.
            var first = Words[i].Length > 0 ? Words[i][0] : ' ';
            var maxLength = (caseInsensitive || char.IsUpper(first) || char.IsDigit(first)) && gazetteer.FirstWords.Contains(Words[i])
                ? Math.Min(gazetteer.MaxNameWords, n - i) : 0;
            for (var len = maxLength; len >= 1 && matched == 0; len--)
            {
                // Lower-case stopwords alone are never names ("us", "who").
                if (caseInsensitive && len == 1 && (Flags[i] & 16) != 0) continue;
                var name = len == 1 ? Words[i] : string.Join(' ', Words, i, len);
                var entry = gazetteer.Lookup(name, caseInsensitive);
                if (entry is null) continue;
                into[i] = "B-" + entry.Type;
                for (var k = 1; k < len; k++) into[i + k] = "I-" + entry.Type;
                matched = len;
            }
            i += Math.Max(1, matched);
        }
    }

    private void MatchCities()
    {
        var cities = Cities.Value;
        var n = Words.Length;
        for (var i = 0; i < n;)
        {
            var matched = 0;
            for (var len = Math.Min(4, n - i); len >= 1 && matched == 0; len--)
            {
                if (!char.IsUpper(Words[i][0]) || !CityFirstWords.Value.Contains(Words[i])) break;
                if (cities.Contains(len == 1 ? Words[i] : string.Join(' ', Words, i, len))) matched = len;
            }
            for (var k = 0; k < matched; k++) City[i + k] = k == 0 ? "B" : "I";
            i += Math.Max(1, matched);
        }
    }

    private static string CasingOf(string[] words)
    {
        int upperWords = 0, capitalised = 0, letters = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length == 0 || !char.IsLetter(w[0])) continue;
            letters++;
            if (w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c))) upperWords++;
            else if (i > 0 && char.IsUpper(w[0])) capitalised++;
        }
        if (letters >= 3 && upperWords * 2 > letters) return "upper";
        return capitalised == 0 && upperWords == 0 ? "lower" : "mixed";
    }

    private static (string Long, string Short) Shapes(string w)
    {
        Span<char> full = stackalloc char[Math.Min(w.Length, 12)];
        Span<char> brief = stackalloc char[12];
        var b = 0;
        for (var i = 0; i < full.Length; i++)
        {
            var c = w[i];
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            full[i] = s;
            if (b == 0 || brief[b - 1] != s) brief[b++] = s;
        }
        return (full.ToString(), brief[..b].ToString());
    }
}
