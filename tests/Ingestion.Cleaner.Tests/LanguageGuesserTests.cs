using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Tests;

/// <summary>The body's language when markup names none, or names one of another script.</summary>
public sealed class LanguageGuesserTests
{
    [Theory]
    [InlineData("en",
        "The council said on Monday that the harbour project would need another review, and residents asked for clearer answers about the "
            + "cost of the work.")]
    [InlineData("es",
        "El ayuntamiento dijo el lunes que el proyecto del puerto necesitará otra revisión, y los vecinos pidieron respuestas más claras "
            + "sobre el coste de las obras.")]
    [InlineData("pt",
        "A câmara disse na segunda-feira que o projeto do porto vai precisar de uma nova revisão, e os moradores pediram respostas mais "
            + "claras sobre o custo das obras.")]
    [InlineData("fr",
        "La mairie a indiqué lundi que le projet du port devra être revu, et les habitants ont demandé des réponses plus claires sur le "
            + "coût des travaux dans la ville.")]
    [InlineData("de",
        "Die Stadt teilte am Montag mit, dass das Hafenprojekt noch einmal geprüft werden muss, und die Anwohner fordern klarere Antworten "
            + "auf die Frage nach den Kosten.")]
    [InlineData("it",
        "Il comune ha detto lunedì che il progetto del porto sarà rivisto, e i cittadini hanno chiesto risposte più chiare sui costi dei "
            + "lavori e sulla durata del cantiere.")]
    [InlineData("ru",
        "В понедельник городские власти сообщили, что проект порта будет пересмотрен, а жители попросили дать более ясные ответы о "
            + "стоимости работ.")]
    [InlineData("uk",
        "У понеділок міська влада повідомила, що проєкт порту буде переглянуто, а мешканці попросили дати чіткіші відповіді щодо вартості "
            + "робіт і їхніх строків.")]
    [InlineData("ja", "市は月曜日、港の計画を見直す必要があると発表した。住民は工事の費用について、より明確な説明を求めている。")]
    [InlineData("zh", "市政府周一表示，港口项目需要重新审查，居民要求就工程费用作出更明确的答复。该项目已经进行了三年，预算已经增加了一倍。")]
    [InlineData("ar", "قالت البلدية يوم الاثنين إن مشروع الميناء سيحتاج إلى مراجعة أخرى، وطالب السكان بإجابات أوضح بشأن تكلفة الأعمال.")]
    [InlineData("fa",
        "شهرداری روز دوشنبه گفت که پروژه بندر نیاز به بازبینی دیگری دارد و ساکنان خواستار پاسخ های روشن تری درباره هزینه کار شدند. این "
            + "پروژه چند سال است که ادامه دارد.")]
    public void Guesses_the_language_of_a_paragraph(string expected, string text) =>
        Assert.Equal(expected, LanguageGuesser.Guess([text]));

    [Fact]
    public void Too_little_text_gives_no_guess() => Assert.Null(LanguageGuesser.Guess(["Harbour budget"]));

    [Fact]
    public void A_page_without_markup_language_gets_the_texts_and_a_template_lang_in_another_script_is_overruled()
    {
        var ru = "<p>В понедельник городские власти сообщили, что проект порта будет пересмотрен, а жители попросили дать более ясные "
            + "ответы о стоимости работ и сроках.</p>";
        var es = "<p>El ayuntamiento dijo el lunes que el proyecto del puerto necesitará otra revisión, y los vecinos pidieron respuestas "
            + "más claras sobre el coste de las obras.</p>";
        Assert.Equal("ru",
            Pages.Html(HtmlPages.Doc("<article><h1>Порт</h1>" + ru + ru.Replace("понедельник", "вторник")
            + "</article>", lang: "en")).Accepted().Language);
        Assert.Equal("es",
            Pages.Html($"<html><body><article><h1>Puerto</h1>{es}{es.Replace("lunes", "martes")}</article></body></html>").Accepted().Language);
        Assert.Equal("en",
            Pages.Html(HtmlPages.Doc("<article><h1>Puerto</h1>" + es + es.Replace("lunes", "martes")
            + "</article>", lang: "en")).Accepted().Language);
    }
}
