namespace Ingestion.Evaluation.Feeds;

public enum Outcome { Passed, Failed, Crashed }

/// <summary>One conformance case: where it comes from, whether it counts toward the score, and what happened.</summary>
public sealed record CaseResult(string Suite, string Category, string Name, bool Counted, Outcome Outcome, string Reason = "");
