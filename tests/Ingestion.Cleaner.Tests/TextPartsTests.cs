using Ingestion.Cleaner.Domain.Text;

namespace Ingestion.Cleaner.Tests;

/// <summary>The text building blocks: script fragments, datelines, boilerplate lines, agencies, repeats, sentences.</summary>
public sealed class TextPartsTests
{
    [Theory]
    [InlineData("Amazon.com (AMZN) rose 3% on Tuesday.")]
    [InlineData("The U.S. (and its allies) agreed.")]
    [InlineData("Prices rose, e.g. (see above) in the harbour.")]
    [InlineData("He said: \"Let x be the cost\"; the council agreed.")]
    [InlineData("The function (which the council approved) will run until June.")]
    [InlineData("Visit example.org(archive) for more.")]
    public void Prose_with_brackets_is_not_script(string text) => Assert.Equal(text, ScriptFragments.Remove(text));

    [Theory]
    [InlineData("said Jaishankar.googletag.cmd.push(function() {googletag.display('div-gpt-ad-8052921-2'); }); Jaishankar and",
        "said Jaishankar. Jaishankar and")]
    [InlineData("Before. window.__INITIAL_STATE__ = {\"a\": [1, 2, {\"b\": \"}\"}]}; After.", "Before. After.")]
    [InlineData("One. $(document).ready(function() { $('.x').hide(); }); Two.", "One. Two.")]
    [InlineData("One. <script>var a = 1;</script> Two.", "One. Two.")]
    [InlineData("One. gtag('config', 'G-XYZ'); Two.", "One. Two.")]
    public void Script_fragments_are_cut_out(string text, string expected) => Assert.Equal(expected, ScriptFragments.Remove(text));

    [Fact]
    public void Unbalanced_code_is_left_alone_and_does_not_hang()
    {
        var text = "googletag.cmd.push(function() {" + new string('(', 20000) + " text";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(text, ScriptFragments.Remove(text));
        Assert.True(clock.ElapsedMilliseconds < 2000);
    }

    [Theory]
    [InlineData("ALSO READ | x", "Related")]
    [InlineData("Related Stories", "Related")]
    [InlineData("Trending:", "Related")]
    [InlineData("Follow us on Instagram", "Promotion")]
    [InlineData("Share this article", "Label")]
    [InlineData("Updated at 1:23 p.m.", "Label")]
    [InlineData("Copyright 2024 Daily Planet Media", "Copyright")]
    [InlineData("Tags: harbour, budget, council", "Tags")]
    [InlineData("Related to this, the council asked for more time to study the harbour project.", "None")]
    [InlineData("Read more about the harbour project in the council's report, officials said.", "None")]
    public void Boilerplate_lines_are_classified(string line, string kind) =>
        Assert.Equal(kind, BoilerplateLines.Classify(line).ToString());

    [Fact]
    public void Glued_related_tail_is_trimmed()
    {
        var trimmed = BoilerplateLines.TrimGluedTail("The council agreed on Tuesday. The vote was close. ALSO READ | Minister signs deal "
            + "Follow The Planet channel on WhatsApp");
        Assert.Equal("The council agreed on Tuesday. The vote was close.", trimmed);
    }

    [Theory]
    [InlineData("Reuters", "Reuters")]
    [InlineData("By AFP", "Agence France-Presse")]
    [InlineData("Express News Service", "Express News Service")]
    [InlineData("Times News Network", "Times News Network")]
    [InlineData("Press Freedom Under Threat", null)]
    [InlineData("The council met on Tuesday.", null)]
    [InlineData("India and Russia", null)]
    public void Source_lines(string line, string? expected) => Assert.Equal(expected, Agencies.RecogniseSourceLine(line));

    [Fact]
    public void Repeats_are_found_smallest_first()
    {
        var a = "First sentence here today. Second sentence here today.";
        var b = "Third sentence here today. Fourth sentence here today.";
        var runOn = a + " " + b + " Trailing words without a stop";
        var keep = RepeatedParagraphs.Keep([runOn, a, b, a]);
        Assert.Equal([false, true, true, false], keep);
    }

    [Fact]
    public void Sentences_split_on_stops_but_not_on_abbreviations()
    {
        var s = Sentences.Split("Mr. Smith met Dr. Jones in the U.S. capital. They talked. \"Good,\" he said. S. Jaishankar agreed!");
        Assert.Equal(["Mr. Smith met Dr. Jones in the U.S. capital.", "They talked.", "\"Good,\" he said.", "S. Jaishankar agreed!"], s);
    }

    [Theory]
    [InlineData("NEW DELHI", "New Delhi")]
    [InlineData("WINSTON-SALEM", "Winston-Salem")]
    [InlineData("New Delhi", "New Delhi")]
    public void Shouting_places_are_title_cased(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.TitleCaseIfShouting(text));

    [Fact]
    public void Words_are_counted_in_spaced_and_unspaced_scripts()
    {
        Assert.Equal(5, TextNormalizer.WordCount("India-Russia ties aren't new, 2024."));
        Assert.Equal(6, TextNormalizer.WordCount("東京都の会議"));
    }

    [Theory]
    [InlineData("Caf\u00e9 \u201cM\u00fcller\u2019s\u201d \u2013 The Mayor\u2019s plan", "café müllers the mayors plan")]
    [InlineData("Caf\u0065\u0301 \ufb01nal \u00a0\u2460 \uff21\uff22", "café final 1 ab")]
    public void Comparison_keys_fold_compatibility_forms_whether_or_not_normalization_is_needed(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Key(text));
        Assert.Equal(TextNormalizer.Key(text.Normalize(System.Text.NormalizationForm.FormKC)), TextNormalizer.Key(text));
    }

    [Theory]
    [InlineData("Plain prose without any code marks, even with a semicolon; and quotes \"like this\".")]
    [InlineData("")]
    public void Text_without_code_marks_comes_back_as_the_same_instance(string text) => Assert.Same(text, ScriptFragments.Remove(text));
}
