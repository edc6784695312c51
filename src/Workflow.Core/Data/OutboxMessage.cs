namespace Workflow.Core.Data;

/// <summary>
/// An event written in the same transaction as the change that raised it; the dispatcher
/// publishes it to the bus and then marks it sent. Publishing is at least once; consumers
/// make it exactly once with <see cref="ProcessedMessage"/>.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database order of writing; the dispatcher publishes in this order.</summary>
    public long Sequence { get; set; }
    /// <summary>The bus message id, so that a re-publication is recognised by consumers.</summary>
    public Guid MessageId { get; set; }
    /// <summary>Contract type name, e.g. Workflow.Contracts.SignatureRecorded.</summary>
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// Set when the message can never be published (no contract of its type, a payload that does not read):
    /// it is set aside, with its error, so that it does not hold back every later event. Needs a person.
    /// </summary>
    public DateTimeOffset? ParkedAt { get; set; }
}

/// <summary>The inbox: a message id a consumer has already handled. The key makes a second handling impossible.</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
