namespace Ingestion.Enricher.Domain.Entities;

public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organisation = "ORG";
    public const string Location = "LOC";
}

/// <summary>
/// One recognised mention, before canonicalisation.
/// </summary>
/// <param name="Start">Offset of the first character in the body text.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Type">PER, ORG or LOC.</param>
/// <param name="Name">The name as it should be shown: the surface text with whitespace collapsed, or the gazetteer's
/// spelling when the surface is shouted in capitals ("NEW DELHI" → "New Delhi").</param>
/// <param name="GazetteerId">Identity of the gazetteer entry when the mention is a listed name or alias
/// ("US" and "United States" share one), else null.</param>
/// <param name="Confidence">How sure the recogniser is (1 = listed name, lower for context guesses).</param>
public sealed record EntitySpan(int Start, int End, string Type, string Name, string? GazetteerId, double Confidence);

/// <summary>What a recogniser found in a text.</summary>
/// <param name="Entities">Mentions in reading order, not overlapping.</param>
/// <param name="Titles">Character ranges of titles and roles before names ("External Affairs Minister"): cues, not names;
/// the keyphrase extractor leaves them out.</param>
public sealed record RecognitionResult(IReadOnlyList<EntitySpan> Entities, IReadOnlyList<(int Start, int End)> Titles);

/// <summary>
/// A named-entity recogniser over an analysed text. The rule-based <see cref="EntityRecognizer"/> is the first
/// implementation; a trained model can replace it behind this interface.
/// </summary>
public interface IEntityRecognizer
{
    RecognitionResult Recognize(Text.AnalyzedText text);
}
