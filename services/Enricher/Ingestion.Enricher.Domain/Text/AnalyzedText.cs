namespace Ingestion.Enricher.Domain.Text;

/// <summary>The body text, tokenised and split into sentences once, shared by every extractor.</summary>
public sealed class AnalyzedText
{
    public string Text { get; }
    public IReadOnlyList<Token> Tokens { get; }
    public IReadOnlyList<SentenceSpan> Sentences { get; }
    /// <summary>For each sentence, the index of its first token and the index after its last token.</summary>
    public IReadOnlyList<(int First, int End)> SentenceTokens { get; }

    public AnalyzedText(string text)
    {
        Text = text;
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text);
        var sentenceTokens = new List<(int, int)>(sentences.Count);

        var t = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            var first = t;
            var seenWord = false;
            while (t < tokens.Count && tokens[t].Start < sentences[s].End)
            {
                var tok = tokens[t];
                tok.Sentence = s;
                if (!seenWord && tok.Kind is TokenKind.Word or TokenKind.Number)
                {
                    tok.CapitalIsAmbiguous = true;
                    seenWord = true;
                }
                else if (t > 0)
                {
                    var prev = tokens[t - 1];
                    // After ':' (datelines, "He said: ..."), an opening quote or a dash, a capital means little.
                    if (prev.Kind == TokenKind.Punct && prev.Text is ":" or "“" or "\"" or "—" or "–" or "‘" or "(")
                    {
                        var opening = prev.Text != "\"" || !IsClosingStraightQuote(tokens, t - 1);
                        if (opening) tok.CapitalIsAmbiguous = true;
                    }
                }
                t++;
            }
            sentenceTokens.Add((first, t));
        }
        // Tokens outside any sentence (only whitespace-separated punctuation) belong to the last sentence.
        for (; t < tokens.Count; t++) tokens[t].Sentence = Math.Max(0, sentences.Count - 1);

        Tokens = tokens;
        Sentences = sentences;
        SentenceTokens = sentenceTokens;
    }

    /// <summary>A straight quote that closes rather than opens: it is attached to what precedes it.</summary>
    private static bool IsClosingStraightQuote(List<Token> tokens, int i) => i > 0 && !tokens[i].SpaceBefore;

    /// <summary>The text between two tokens (exclusive), e.g. to test whether they are separated by a single space.</summary>
    public ReadOnlySpan<char> Gap(Token a, Token b) => Text.AsSpan(a.End, b.Start - a.End);

    public string Slice(int start, int end) => Text[start..end];
}
