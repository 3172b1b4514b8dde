namespace Ingestion.TestSupport.Pipeline;

/// <summary>
/// Where the pages fed to a <see cref="PipelineRun"/> are: indexed, rejected (by reason), waiting in an error queue, still
/// in a stage's queue, or none of these — lost.
/// </summary>
public sealed record PipelineCounts(
    int Fed,
    long Recorded,
    long Indexed,
    long Rejected,
    IReadOnlyDictionary<string, long> InErrorQueues,
    long Queued,
    long Revisions,
    long ArticlesWithSeveralRevisions,
    IReadOnlyDictionary<string, long> RejectedBy,
    IReadOnlyDictionary<string, int> Consumers)
{
    public long InErrors => InErrorQueues.Values.Sum();

    /// <summary>Pages neither indexed, rejected, in an error queue nor on their way (once settled: lost).</summary>
    public long Unaccounted => Math.Max(0, Fed - Indexed - Rejected - InErrors);

    /// <summary>Every page is indexed, rejected or in an error queue, and no stage has anything left to do.</summary>
    public bool Settled => Indexed + Rejected + InErrors >= Fed && Queued == 0;

    public string Describe() =>
        $"{Fed} pages fed, {Recorded} recorded, {Indexed} indexed, {Rejected} rejected"
        + (RejectedBy.Count > 0 ? $" ({string.Join(", ", RejectedBy.Select(r => $"{r.Key} {r.Value}"))})" : "")
        + $", {InErrors} in error queues" + (InErrors > 0 ? $" ({string.Join(", ", InErrorQueues.Select(e => $"{e.Key} {e.Value}"))})" : "")
        + $", {Queued} queued, {Unaccounted} lost; {Revisions} revisions, {ArticlesWithSeveralRevisions} articles with more than one";
}
