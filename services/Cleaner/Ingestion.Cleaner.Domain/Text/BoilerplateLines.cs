using System.Text.RegularExpressions;

namespace Ingestion.Cleaner.Domain.Text;

/// <summary>What kind of boilerplate a line is.</summary>
internal enum BoilerplateKind
{
    None,
    Related,
    Promotion,
    Label,
    Copyright,
    Tags,
}

/// <summary>
/// Lines that are not article text, wherever they come from (text dumps and HTML blocks alike): related-story links
/// ("ALSO READ | ...", "Read more:", "RELATED STORY ..."), promotions ("Follow ... on WhatsApp", "Subscribe to our
/// newsletter", "Download the app", "Click here to ..."), interface labels ("Advertisement", "Share this article"),
/// copyright and tag lines.
/// </summary>
internal static partial class BoilerplateLines
{
    /// <summary>Promotions are recognised only in short lines, so that article sentences mentioning a newsletter survive.</summary>
    private const int MaxPromotionWords = 30;

    private const string RelatedMarker =
        @"(?:also\s+read|read\s+also|read\s+more|more\s+to\s+read|more\s+from\s+[\w ]{1,40}?|more\s+on\s+this(?:\s+story)?|"
            + @"related(?:\s+(?:stories|story|articles?|news|coverage|reading|content|posts?|links?|video|topics))?|"
            + @"recommended(?:\s+(?:stories|reading|for\s+you|articles))?|see\s+also|must\s+read|don'?t\s+miss|also\s+see|also\s+watch|"
            + @"read\s+next|up\s+next|top\s+stories|more\s+stories|suggested\s+reading|further\s+reading|you\s+may\s+also\s+like|"
            + @"you\s+might\s+also\s+like|also\s+on\s+[\w ]{1,30}?|trending(?:\s+(?:now|stories|news|today))?|most\s+(?:read|popular|"
            + @"viewed|shared)|latest\s+(?:news|stories)|leia\s+(?:tamb[ée]m|mais)|veja\s+tamb[ée]m|lea\s+tambi[ée]n|lee\s+tambi[ée]n|"
            + @"ver\s+tambi[ée]n|noticias\s+relacionadas|mat[ée]rias\s+relacionadas|[àa]\s+lire\s+aussi|lire\s+aussi|"
            + @"sur\s+le\s+m[êe]me\s+sujet|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant|leggi\s+anche|articoli\s+correlati|"
            + @"lees\s+ook|читайте\s+(?:также|також)|по\s+теме|самые\s+популярные\s*[\p{L} ]{0,20}|ilgili\s+haberler|baca\s+juga|関連記事|"
            + @"関連ニュース|相关文章|相关阅读|相關文章|관련\s?기사)";

    [GeneratedRegex(@"^\W{0,3}" + RelatedMarker
        + @"\s*(?:[:|\-\u2013\u2014>\u00BB\u203A]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedLine();

    [GeneratedRegex(@"^\W{0,3}(?:ALSO READ|READ ALSO|READ MORE|RELATED(?: STORY| STORIES| ARTICLES?| NEWS| CONTENT| VIDEO)?|MUST READ|"
        + @"DON'?T MISS|SEE ALSO|WATCH|ALSO WATCH|ALSO SEE|READ NEXT)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RelatedShouting();

    /// <summary>A strong related marker in the middle of a paragraph: text after it is a glued-on link list.</summary>
    [GeneratedRegex(@"(?:\b(?:ALSO READ|READ ALSO|READ MORE|RELATED STOR(?:Y|IES)|MUST READ|SEE ALSO)\b\s*[:|\-\u2013\u2014]?|\b(?:[Aa]lso "
        + @"[Rr]ead|[Rr]ead [Mm]ore|[Rr]ead [Aa]lso|[Rr]elated(?: [Ss]tor(?:y|ies)| [Aa]rticles?)?)\s*[|:]\s)",
            RegexOptions.CultureInvariant)]
    private static partial Regex InlineRelatedMarker();

    [GeneratedRegex(
        @"\bfollow\b.{0,80}?\b(?:on|via)\s+(?:whatsapp|telegram|twitter|x|facebook|instagram|google\s+news|linkedin|youtube|threads|"
            + @"bluesky|mastodon)\b" +
        @"|\b(?:join|subscribe\s+to)\b.{0,60}?\b(?:whatsapp|telegram|youtube)\b" +
        @"|\b(?:subscribe|sign\s+up)\s+(?:(?:to|for)\s+)?(?:our|the|my)\s+(?:[\w\-']+\s+){0,4}?(?:newsletters?|channel|podcast|alerts|"
            + @"daily|digest|briefing|mailing\s+list)\b" +
        @"|^\W{0,3}(?:subscribe|sign\s+up|register)\b(?:\s+(?:now|today|here|for\s+free|free))?\W{0,3}$" +
        @"|^\W{0,3}(?:download|get|install)\s+(?:the|our)\b.{0,60}?\bapps?\b" +
        @"|^\W{0,3}click\s+here\b" +
        @"|\bjoin\s+(?:us|our)\b.{0,40}?\b(?:telegram|whatsapp|community|channel)\b" +
        @"|\b(?:for|get|stay\s+(?:up\s+to\s+date\s+with|updated\s+with))\s+(?:the\s+)?latest\b.{0,80}?\b(?:follow|download|subscribe|click|"
            + @"join)\b" +
        @"|\b(?:get|receive)\s+(?:the\s+)?(?:latest\s+)?(?:news|updates|alerts|stories)\b.{0,40}?\b(?:whatsapp|telegram|inbox|app)\b" +
        @"|\blike\s+us\s+on\s+facebook\b|\bfollow\s+us\b" +
        @"|\bthis\s+(?:article|story|content)\s+(?:is|was)\s+(?:sponsored|brought\s+to\s+you)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promotion();

    [GeneratedRegex(
        @"^\W{0,3}(?:share|share\s+(?:this|on|via)(?:\s+\w+){0,2}|tweet|e-?mail|print|comments?|\d+\s+comments?|advertisements?|"
            + @"advertisment|sponsored(?:\s+content)?|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
            + @"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|loading|"
            + @"image|photo|video|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?|\d+\s+min(?:ute)?s?\s+read|"
            + @"skip\s+(?:to\s+)?(?:main\s+)?content|back\s+to\s+top|close|menu|search|home|next|previous|prev|top|advertise\s+with\s+us|"
            + @"report\s+an?\s+(?:error|issue)|feedback|reuse\s+this\s+content|copy\s+link|copied|gift\s+this\s+article|save|saved|"
            + @"bookmark|font\s+size|a\+?\s*a-?|caption|hide\s+caption|toggle\s+caption|expand|enlarge\s+this\s+image|advert|tags|tagged|"
            + @"topics|this\s+slideshow\s+requires\s+javascript|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device|"
            + @"like\s+this\s+story\??\s+share\s+it\s+with\s+a\s+friend)\W{0,3}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"^\W{0,3}(?:\u00A9|\(c\)\s|copyright\b)|\ball\s+rights\s+reserved\b|(?:\u00A9|\(c\)|copyright)\s{0,2}(?:19|20)\d{2}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    /// <summary>"Updated at 1:23 p.m.", "Published 3 hours ago", "Last updated: 12:40 IST".</summary>
    [GeneratedRegex(@"^\W{0,3}(?:last\s+)?(?:updated|published|posted|modified|first\s+published)\b\s*:?\s*(?:on\s+|at\s+)?(?:\d|(?:mon|"
        + @"tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b|today\b|yesterday\b)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^\W{0,3}(?:tags|topics|keywords|filed\s+under|categories|category|also\s+tagged)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    /// <summary>"Photo: Jane Doe, AP", "Image credit: Reuters", "Image copyright Getty Images", "Foto: dpa": a picture's credit line, not
    /// text.</summary>
    [GeneratedRegex(@"^\W{0,3}(?:photo|photos|photograph|image|images|picture|pictures|foto|fotos|bild|imagen|caption)(?:\s+(?:credit|"
        + @"credits|courtesy|by|source))?\s*[:|/]|^\W{0,3}(?:image|photo|picture)\s+(?:copyright|credit|source)\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    /// <summary>"Protesters marched on Sunday (Image: GETTY)": a caption, told by the credit it ends with.</summary>
    [GeneratedRegex(@"[(\[]\s{0,2}(?:image|images|photo|photos|picture|pic|credit|foto|bild)s?(?:\s+(?:by|credit|courtesy))?\s{0,2}:?\s{0,"
        + @"2}[^()\[\]]{1,80}[)\]]\W{0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionCredit();

    public static BoilerplateKind Classify(string line)
    {
        var text = line.Trim();
        if (text.Length == 0) return BoilerplateKind.None;
        if (RelatedLine().IsMatch(text) || RelatedShouting().IsMatch(text)) return BoilerplateKind.Related;
        var words = TextNormalizer.WordCount(text);
        if (words <= MaxPromotionWords && Promotion().IsMatch(text)) return BoilerplateKind.Promotion;
        if (words <= 8 && Label().IsMatch(text)) return BoilerplateKind.Label;
        if (words <= 12 && Timestamp().IsMatch(text)) return BoilerplateKind.Label;
        if (words <= 10 && Credit().IsMatch(text)) return BoilerplateKind.Label;
        if (words <= 60 && CaptionCredit().IsMatch(text)) return BoilerplateKind.Label;
        if (words <= 40 && Copyright().IsMatch(text)) return BoilerplateKind.Copyright;
        if (words <= 60 && Tags().IsMatch(text)) return BoilerplateKind.Tags;
        return BoilerplateKind.None;
    }

    public static bool IsBoilerplate(string line) => Classify(line) != BoilerplateKind.None;

    /// <summary>
    /// Removes boilerplate glued to the end of a paragraph: a related-link list after a strong marker, and trailing
    /// promotion sentences. Returns the paragraph unchanged when there is none.
    /// </summary>
    public static string TrimGluedTail(string paragraph)
    {
        var text = paragraph;
        var marker = InlineRelatedMarker().Match(text);
        if (marker.Success && marker.Index > 0)
            text = text[..marker.Index].TrimEnd(' ', '|', '-', '\u2013', '\u2014', ':');

        // Trailing promotion sentences ("... Follow The X channel on WhatsApp").
        for (var guard = 0; guard < 3; guard++)
        {
            var sentences = Sentences.Split(text);
            if (sentences.Count < 2) break;
            var last = sentences[^1];
            if (TextNormalizer.WordCount(last) > MaxPromotionWords || !Promotion().IsMatch(last)) break;
            var cut = text.LastIndexOf(last, StringComparison.Ordinal);
            if (cut <= 0) break;
            text = text[..cut].TrimEnd();
        }
        return text;
    }
}
