namespace Workflow.Core.Audit;

/// <summary>One event as the audit log recorded it. Append-only.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    /// <summary>The statement whose log this belongs to; null for a change to the directory alone.</summary>
    public Guid? StatementId { get; set; }
    /// <summary>Event name, e.g. SignatureRecorded.</summary>
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
