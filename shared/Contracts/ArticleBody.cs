namespace Ingestion.Contracts;

/// <summary>
/// An article's body as one text: its <see cref="CleanedArticle.Paragraphs"/> joined by a blank line. Every stage uses this
/// one form: the enricher's mention and date offsets point into it, and the indexer stores and searches it.
/// </summary>
public static class ArticleBody
{
    /// <summary>What stands between two paragraphs in the body: a blank line.</summary>
    public const string ParagraphSeparator = "\n\n";

    /// <summary>The body of these paragraphs (none, or a message that lacks them: the empty text).</summary>
    public static string Of(IReadOnlyList<string>? paragraphs) => string.Join(ParagraphSeparator, paragraphs ?? []);
}
