using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// Rules first, model for the rest: the rule-based recogniser's mentions are kept when a word list backs them (listed
/// names, canonical ids), when they are people (given names, speech cues), when the rules are sure (confidence at
/// least <see cref="SureRule"/>) or when the model also sees an entity there; their weaker unlisted organisation and
/// place guesses (a capitalised run, a lone acronym) the model must confirm — on web text they cost more precision than they add recall.
/// The trained model adds the
/// mentions that overlap none of the kept ones and that the word lists do not rule out (demonyms, non-entities).
/// Titles come from the rules.
/// </summary>
public sealed class CombinedRecognizer(IEntityRecognizer rules, IEntityRecognizer model, Gazetteer gazetteer) : IEntityRecognizer
{
    public CombinedRecognizer() : this(new EntityRecognizer(Gazetteer.Default), PerceptronRecognizer.Default, Gazetteer.Default)
    {
    }

    /// <summary>Rule mentions at least this confident stand without the model.</summary>
    public const double SureRule = 0.85;

    public RecognitionResult Recognize(AnalyzedText text)
    {
        var fromRules = rules.Recognize(text);
        var fromModel = model.Recognize(text);
        var kept = fromRules.Entities.Where(e => e.GazetteerId is not null || (!Disputed(e, fromModel.Entities, fromRules.Titles)
            && (e.Type == EntityTypes.Person || e.Confidence >= SureRule
                || fromModel.Entities.Any(m => m.Start < e.End && e.Start < m.End)))).ToList();
        var taken = kept.Select(e => (e.Start, e.End)).Concat(fromRules.Titles).ToList();
        var merged = new List<EntitySpan>(kept);
        foreach (var e in fromModel.Entities)
        {
            if (taken.Any(t => t.Start < e.End && e.Start < t.End)) continue;
            if (gazetteer.Demonyms.Contains(e.Name) || gazetteer.NonEntities.Contains(e.Name)
                || gazetteer.NonEntityAcronyms.Contains(e.Name)) continue;
            merged.Add(e);
        }
        merged.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new RecognitionResult(merged, fromRules.Titles);
    }

    /// <summary>A rule mention this confident (a name pattern: "Indian Navy", "Bay of Bengal") keeps its type where the model finds the
    /// same span with another.</summary>
    public const double PatternRule = 0.8;

    /// <summary>
    /// The model finds another entity over part of the rule mention: not the same span and type, nor a part of it with
    /// the same type ("Tesla" in "Tesla Inc"), nor one that takes in a title the rules left out ("Mr Smith"), nor the
    /// same span with another type when the rules read the type off a name pattern (<see cref="PatternRule"/>).
    /// </summary>
    private static bool Disputed(EntitySpan rule, IReadOnlyList<EntitySpan> model, IReadOnlyList<(int Start, int End)> titles)
    {
        var disputed = false;
        foreach (var m in model)
        {
            if (m.End <= rule.Start || rule.End <= m.Start) continue;
            if (m.Type == rule.Type && m.Start >= rule.Start && m.End <= rule.End) return false;
            if (m.Start == rule.Start && m.End == rule.End && rule.Confidence >= PatternRule) return false;
            if (titles.Any(t => t.Start < m.End && m.Start < t.End)) return false;
            disputed = true;
        }
        return disputed;
    }
}
