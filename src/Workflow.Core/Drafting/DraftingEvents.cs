using Workflow.Core.Common;

namespace Workflow.Core.Drafting;

/// <summary>What happens while a text is drafted: comments, amendments, translations (see <see cref="IDomainEvent"/>).</summary>
public static class DraftingEvents
{
    public sealed record CommentAdded(Guid StatementId, Guid CommentId, int VersionNumber, int Paragraph, Guid? ParentId,
        string AuthorId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record CommentResolved(Guid StatementId, Guid CommentId, string ResolvedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record AmendmentProposed(Guid StatementId, Guid AmendmentId, int BaseVersionNumber, AmendmentKind Kind, int Paragraph,
        string ProposedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record AmendmentAccepted(Guid StatementId, Guid AmendmentId, int VersionNumber, string ProposedBy, string AcceptedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record AmendmentRejected(Guid StatementId, Guid AmendmentId, string? Reason, string RejectedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record TranslationAdded(Guid StatementId, string Language, int VersionNumber, int TranslatesVersion, string TextHash,
        string AddedBy, DateTimeOffset OccurredAt) : IDomainEvent;
}
