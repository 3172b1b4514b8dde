using Ingestion.Enricher.Domain.Text;

namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>
/// Rules first, model for the rest: every mention the rule-based recogniser finds is kept (listed names, titles,
/// acronym organisations, demonym handling, canonical ids); the trained model adds the mentions that overlap none of
/// them and that the word lists do not rule out (demonyms, non-entities). Titles come from the rules.
/// </summary>
public sealed class CombinedRecognizer(IEntityRecognizer rules, IEntityRecognizer model, Gazetteer gazetteer) : IEntityRecognizer
{
    public CombinedRecognizer() : this(new EntityRecognizer(Gazetteer.Default), PerceptronRecognizer.Default, Gazetteer.Default)
    {
    }

    public RecognitionResult Recognize(AnalyzedText text)
    {
        var fromRules = rules.Recognize(text);
        var fromModel = model.Recognize(text);
        var taken = fromRules.Entities.Select(e => (e.Start, e.End)).Concat(fromRules.Titles).ToList();
        var merged = new List<EntitySpan>(fromRules.Entities);
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
}
