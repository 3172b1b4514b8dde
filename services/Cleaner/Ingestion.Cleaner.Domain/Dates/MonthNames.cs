namespace Ingestion.Cleaner.Domain.Dates;

/// <summary>
/// Month names in the languages news pages are commonly written in (full names and usual abbreviations, lower-case):
/// English, Spanish, Portuguese, French, Italian, German, Dutch, Romanian, Turkish, Indonesian, Polish and Czech
/// genitives, Russian and Ukrainian genitives, Arabic (Egyptian and Levantine sets).
/// </summary>
internal static class MonthNames
{
    private static readonly Dictionary<string, int> Table = Build();

    /// <summary>The month number of a name (case-insensitive, a trailing dot ignored), or 0.</summary>
    public static int Number(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        return Table.GetValueOrDefault(key);
    }

    private static Dictionary<string, int> Build()
    {
        string[][] months =
        [
            ["january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "gennaio", "gen", "januar", "jänner", "januari", "ianuarie",
                "ocak", "stycznia", "ledna", "января", "январь", "січня", "يناير", "كانون الثاني", "جانفي"],
            ["february", "feb", "febrero", "fevereiro", "fev", "février", "fevrier", "févr", "febbraio", "februar", "februari", "februarie",
                "şubat", "subat", "lutego", "února", "февраля", "февраль", "лютого", "فبراير", "شباط", "فيفري"],
            ["march", "mar", "marzo", "março", "marco", "mars", "märz", "maerz", "maart", "martie", "mart", "maret", "marca", "března",
                "марта", "март", "березня", "مارس", "آذار"],
            ["april", "apr", "abril", "abr", "avril", "avr", "aprile", "aprilie", "nisan", "kwietnia", "dubna", "апреля", "апрель",
                "квітня", "أبريل", "ابريل", "نيسان", "أفريل"],
            ["may", "mayo", "maio", "mai", "maggio", "mag", "mei", "mayıs", "mayis", "maja", "května", "мая", "май", "травня", "مايو",
                "أيار", "ماي"],
            ["june", "jun", "junio", "junho", "juin", "giugno", "giu", "juni", "iunie", "haziran", "czerwca", "června", "июня", "июнь",
                "червня", "يونيو", "يونيه", "حزيران", "جوان"],
            ["july", "jul", "julio", "julho", "juillet", "juil", "luglio", "lug", "juli", "iulie", "temmuz", "lipca", "července", "июля",
                "июль", "липня", "يوليو", "يوليه", "تموز", "جويلية"],
            ["august", "aug", "agosto", "ago", "août", "aout", "augustus", "ags", "ağustos", "agustus", "sierpnia", "srpna", "августа",
                "август", "серпня", "أغسطس", "اغسطس", "آب", "أوت"],
            ["september", "sep", "sept", "septiembre", "setiembre", "setembro", "set", "septembre", "settembre", "septembrie", "eylül",
                "eylul", "września", "září", "сентября", "сентябрь", "вересня", "سبتمبر", "أيلول"],
            ["october", "oct", "octubre", "outubro", "out", "octobre", "ottobre", "ott", "oktober", "okt", "octombrie", "ekim",
                "października", "října", "октября", "октябрь", "жовтня", "أكتوبر", "اكتوبر", "تشرين الأول"],
            ["november", "nov", "noviembre", "novembro", "novembre", "noiembrie", "kasım", "kasim", "listopada", "listopadu", "ноября",
                "ноябрь", "листопада", "نوفمبر", "تشرين الثاني"],
            ["december", "dec", "diciembre", "dic", "dezembro", "dez", "décembre", "decembre", "déc", "dicembre", "dezember", "desember",
                "decembrie", "aralık", "aralik", "grudnia", "prosince", "декабря", "декабрь", "грудня", "ديسمبر", "كانون الأول"],
        ];
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < months.Length; m++)
            foreach (var name in months[m])
                table.TryAdd(name, m + 1);
        return table;
    }
}
