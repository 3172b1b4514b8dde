using Ingestion.Indexer.Domain.Results;

namespace Ingestion.Indexer.Tests.Results;

public class SnippetTests
{
    [Fact]
    public void Marks_query_words_and_their_inflections()
    {
        var snippet = Snippet.Build("The governments said polar bears were bearing up.", ["govern", "bear"]);
        Assert.Equal("The <b>governments</b> said polar <b>bears</b> were bearing up.", snippet);
    }

    [Fact]
    public void Starts_a_few_words_before_the_first_match()
    {
        var text = "The first sentence. " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}")) + " the ferry came.";
        var snippet = Snippet.Build(text, ["ferry"]);
        Assert.StartsWith("w13 ", snippet);
        Assert.Contains("<b>ferry</b>", snippet);
    }

    [Fact]
    public void Makes_two_fragments_for_matches_far_apart()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"x{i}"));
        var snippet = Snippet.Build($"quarry one {filler} quarry two", ["quarry"]);
        Assert.Equal(2, snippet.Split(Snippet.Delimiter).Length);
        Assert.Equal(2, snippet.Split("<b>quarry</b>").Length - 1);
    }

    [Fact]
    public void Escapes_markup_in_the_text_and_survives_no_match()
    {
        Assert.Equal("a &lt;script&gt; b", Snippet.Build("a <script> b", ["zzz"]));
        Assert.Equal("", Snippet.Build("   ", ["x"]));
    }

    [Fact]
    public void Finds_a_late_match_at_a_word_start_only()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 3_000).Select(i => $"w{i}"));
        var snippet = Snippet.Build($"{filler} nonclimate (climate, change) w9", ["climat"]);
        Assert.Equal("w2993 w2994 w2995 w2996 w2997 w2998 w2999 nonclimate <b>(climate,</b> change) w9", snippet);
    }
}
