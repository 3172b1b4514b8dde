namespace Ingestion.Cleaner.Domain.Text;

/// <summary>
/// The language of a body when the page's markup names none, or names one written in another script than the text
/// (an English template around a Russian story): the script of the letters decides first (kana is Japanese, hangul
/// Korean, Persian letters in Arabic script Persian, Ukrainian letters in Cyrillic Ukrainian, ...); Latin text is told
/// apart by its most frequent short words. Reads at most the first few thousand letters; allocates one small array.
/// Null when the text is too short or no language stands out.
/// </summary>
internal static class LanguageGuesser
{
    private const int MaxChars = 2500;
    private const int MinLetters = 40;
    private const int MinWordHits = 4;

    private enum Script { Latin, Cyrillic, Arabic, Han, Kana, Hangul, Greek, Hebrew, Thai, Devanagari, Bengali, Tamil, Georgian, Armenian,
        Count }

    /// <summary>The commonest short words of each Latin-script language, chosen to overlap little.</summary>
    private static readonly (string Code, HashSet<string> Words)[] LatinWords =
    [
        ("en", Set("the and of to is that for with was on are as have this by from which were has")),
        ("es", Set("el los las del y pero más sus fue según también lo han hasta sobre entre")),
        ("pt", Set("os das dos do na nas nos uma com não pelo pela pelos foi são também está seu sua seus ao às mas ainda em")),
        ("fr", Set("le les des du est une pour dans qui sur pas avec sont aux ont cette été et")),
        ("de", Set("der die das und ist nicht mit sich auf für dem den ein eine auch wird von zu")),
        ("it", Set("della che per gli sono non nel nella alla anche dei delle è stato più degli hanno sui sulla questo questa loro")),
        ("nl", Set("het een van dat niet zijn met voor ook werd door naar bij wordt")),
        ("ro", Set("și în pentru este care din că cu să fost sunt unui acest după")),
        ("tr", Set("ve bir bu için ile olarak çok daha gibi olan ama sonra")),
        ("id", Set("yang dan di ini itu dengan untuk dari tidak dalam akan pada juga ada oleh")),
        ("pl", Set("nie się jest na że w z jak co po przez dla oraz być")),
        ("cs", Set("je se na že v jako pro jsou ale podle který také")),
        ("sv", Set("och att är för av till inte om sig också")),
        ("da", Set("og at er til af ikke den også fra")),
        ("fi", Set("ja on että se ei mutta oli hän kun myös ovat tai joka sen")),
        ("hu", Set("az és hogy nem egy meg már csak volt azt")),
        ("ca", Set("els amb és dels seva també aquesta però perquè")),
    ];

    /// <summary>Each listed word with the languages (bits, in <see cref="LatinWords"/> order) that list it.</summary>
    private static readonly Dictionary<string, int> WordLanguages = BuildWordLanguages();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        WordLanguages.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string? Guess(IEnumerable<string> paragraphs)
    {
        var counts = new int[(int)Script.Count];
        int letters = 0, ukrainian = 0, serbian = 0, persian = 0, urdu = 0, russianOnly = 0, hardSign = 0;
        var hits = new int[LatinWords.Length];
        var read = 0;
        foreach (var paragraph in paragraphs)
        {
            if (read >= MaxChars) break;
            var text = paragraph.Length > MaxChars - read ? paragraph[..(MaxChars - read)] : paragraph;
            read += text.Length;
            foreach (var c in text)
            {
                if (!char.IsLetter(c)) continue;
                letters++;
                var s = ScriptOf(c);
                if (s is { } script) counts[(int)script]++;
                switch (c)
                {
                    case 'і' or 'ї' or 'є' or 'ґ': ukrainian++; break;
                    case 'ј' or 'љ' or 'њ' or 'ћ' or 'џ' or 'ђ': serbian++; break;
                    case 'ы' or 'э' or 'ё': russianOnly++; break;
                    case 'ъ': hardSign++; break;
                    case 'پ' or 'چ' or 'ژ' or 'گ' or 'ی': persian++; break;
                    case 'ے' or 'ٹ' or 'ڈ' or 'ں' or 'ھ': urdu++; break;
                }
            }
            CountLatinWords(text, hits);
        }
        if (letters < MinLetters) return null;

        var top = Script.Latin;
        for (var s = Script.Latin; s < Script.Count; s++)
            if (counts[(int)s] > counts[(int)top]) top = s;
        // Japanese writes kanji and kana together: they count as one script.
        var share = top is Script.Han or Script.Kana ? counts[(int)Script.Han] + counts[(int)Script.Kana] : counts[(int)top];
        if (share < letters / 2) return null;

        return top switch
        {
            Script.Latin => GuessLatin(hits),
            Script.Cyrillic => ukrainian > russianOnly && ukrainian >= 3 ? "uk" : serbian >= 3 ? "sr" : russianOnly == 0
                && hardSign >= 3 ? "bg" : "ru",
            Script.Arabic => urdu >= 3 ? "ur" : persian >= 5 && persian * 40 > counts[(int)Script.Arabic] ? "fa" : "ar",
            Script.Han or Script.Kana => counts[(int)Script.Kana] * 20 > counts[(int)Script.Han] ? "ja" : "zh",
            Script.Hangul => "ko",
            Script.Greek => "el",
            Script.Hebrew => "he",
            Script.Thai => "th",
            Script.Devanagari => "hi",
            Script.Bengali => "bn",
            Script.Tamil => "ta",
            Script.Georgian => "ka",
            Script.Armenian => "hy",
            _ => null,
        };
    }

    /// <summary>True when the language is written in a script other than the one the text is in (a template's lang attribute).</summary>
    public static bool ContradictsScript(string declared, string guessed) =>
        declared != guessed && (IsLatinLanguage(declared) != IsLatinLanguage(guessed));

    private static bool IsLatinLanguage(string code) => Array.Exists(LatinWords, l => l.Code == code)
        || code is "ca" or "gl" or "eu" or "sk" or "sl" or "hr" or "bs" or "et" or "lv" or "lt" or "sq" or "ms" or "vi" or "tl" or "sw"
            or "af" or "no" or "nb" or "nn" or "is" or "ga" or "cy" or "az" or "uz" or "mt";

    private static string? GuessLatin(int[] hits)
    {
        int best = -1, bestHits = 0, second = 0;
        for (var i = 0; i < hits.Length; i++)
        {
            if (hits[i] > bestHits)
            {
                second = bestHits;
                bestHits = hits[i];
                best = i;
            }
            else if (hits[i] > second)
            {
                second = hits[i];
            }
        }
        return best >= 0 && bestHits >= MinWordHits && bestHits >= second * 5 / 4 ? LatinWords[best].Code : null;
    }

    /// <summary>Counts listed words (lower-case as written: a capitalised word starts a sentence or a name) without allocating.</summary>
    private static void CountLatinWords(string text, int[] hits)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetter(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                if (i - start <= 8 && WordLookup.TryGetValue(text.AsSpan(start, i - start), out var languages))
                    for (var l = 0; l < hits.Length; l++)
                        if ((languages & (1 << l)) != 0) hits[l]++;
                start = -1;
            }
        }
    }

    private static Dictionary<string, int> BuildWordLanguages()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var l = 0; l < LatinWords.Length; l++)
            foreach (var w in LatinWords[l].Words)
                map[w] = map.GetValueOrDefault(w) | (1 << l);
        return map;
    }

    private static Script? ScriptOf(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u0370' and < '\u0400' => Script.Greek,
        >= '\u0400' and < '\u0530' => Script.Cyrillic,
        >= '\u0530' and < '\u0590' => Script.Armenian,
        >= '\u0590' and < '\u0600' => Script.Hebrew,
        >= '\u0600' and < '\u0780' => Script.Arabic,
        >= '\u0900' and < '\u0980' => Script.Devanagari,
        >= '\u0980' and < '\u0A00' => Script.Bengali,
        >= '\u0B80' and < '\u0C00' => Script.Tamil,
        >= '\u0E00' and < '\u0E80' => Script.Thai,
        >= '\u10A0' and < '\u1100' => Script.Georgian,
        >= '\u1100' and < '\u1200' => Script.Hangul,
        >= '\u1E00' and < '\u1F00' => Script.Latin,
        >= '\u3040' and < '\u3100' => Script.Kana,
        >= '\u3400' and < '\uA000' => Script.Han,
        >= '\uAC00' and < '\uD7B0' => Script.Hangul,
        >= '\uFB50' and < '\uFE00' => Script.Arabic,
        >= '\uFE70' and < '\uFF00' => Script.Arabic,
        _ => null,
    };

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
