using Ingestion.Contracts;

namespace Ingestion.Hosting.Stages;

/// <summary>What a stage made of one article revision: the message to pass on, or why it refused it.</summary>
public sealed record StageOutcome<T>(T? Output, ArticleRejected? Rejection) where T : class
{
    public static StageOutcome<T> Ok(T output) => new(output, null);
    public static StageOutcome<T> Rejected(ArticleRejected rejection) => new(null, rejection);

    /// <summary>The message to publish for this outcome.</summary>
    public object Message => (object?)Output ?? Rejection!;
}
