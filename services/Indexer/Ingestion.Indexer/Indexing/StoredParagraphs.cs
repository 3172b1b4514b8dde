using Ingestion.Contracts;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// An article's body is its paragraphs joined by blank lines (<see cref="ArticleBody"/>). Its paragraphs are stored apart only
/// when splitting the body at blank lines would not give them back (a paragraph holding a blank line, ending in a line
/// break, or a lone empty one); otherwise a reader splits the body, as PostgreSQL's <c>string_to_array(body, E'\n\n')</c> does.
/// </summary>
public static class StoredParagraphs
{
    /// <summary>True when <paramref name="body"/> split at <see cref="ArticleBody.ParagraphSeparator"/> (an empty body: no paragraphs) gives <paramref name="paragraphs"/> back.</summary>
    public static bool SplitFromBody(string body, IReadOnlyList<string> paragraphs)
    {
        if (body.Length == 0) return paragraphs.Count == 0;
        var start = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var end = body.IndexOf(ArticleBody.ParagraphSeparator, start, StringComparison.Ordinal);
            if (end < 0) end = body.Length;
            if (i == paragraphs.Count - 1 ? end != body.Length : end == body.Length) return false;
            if (!body.AsSpan(start, end - start).SequenceEqual(paragraphs[i])) return false;
            start = end + ArticleBody.ParagraphSeparator.Length;
        }
        return paragraphs.Count > 0;
    }
}
