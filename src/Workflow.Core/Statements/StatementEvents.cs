using Workflow.Core.Common;

namespace Workflow.Core.Statements;

/// <summary>What happens to a statement: its text, its drafters, its lifecycle (see <see cref="IDomainEvent"/>).</summary>
public static class StatementEvents
{
    public sealed record Drafted(Guid StatementId, string Slug, string Title, string Language, int VersionNumber, string TextHash,
        string DraftedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record DraftRevised(Guid StatementId, int VersionNumber, string TextHash, string RevisedBy, DateTimeOffset OccurredAt)
        : IDomainEvent;

    public sealed record VersionRestored(Guid StatementId, int VersionNumber, int RestoredFrom, string TextHash, string RestoredBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    /// <summary>The text open for signature changed: signatures on the earlier text need confirming.</summary>
    public sealed record SignableTextChanged(Guid StatementId, int VersionNumber, string TextHash, string ChangedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record TranslationMarkedStale(Guid StatementId, string Language, int TranslatesVersion, int LatestPrimaryVersion,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record PublicationDetailsSet(Guid StatementId, StatementKind Kind, string? IssuedBy, bool ListIsPartial,
        string? ListNote, string? SourceTitle, string? SourcePublisher, string? SourceUrl, DateOnly? SourceAccessedOn, string SetBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record InitiatorsSet(Guid StatementId, IReadOnlyList<Guid> OrganisationIds, string SetBy, DateTimeOffset OccurredAt)
        : IDomainEvent;

    /// <param name="LinkHash">The hash of the link the e-mail carries; the link itself is lent to the save, not to the domain.</param>
    public sealed record CollaboratorInvited(Guid StatementId, Guid InvitationId, string Email, StatementRole Role, string LinkHash,
        string InvitedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record CollaboratorAdded(Guid StatementId, string UserId, StatementRole Role, string AddedBy, DateTimeOffset OccurredAt)
        : IDomainEvent;

    public sealed record CollaboratorRoleChanged(Guid StatementId, string UserId, StatementRole PreviousRole, StatementRole Role,
        string ChangedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record CollaboratorRemoved(Guid StatementId, string UserId, string RemovedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record OpenedForSignature(Guid StatementId, int VersionNumber, string TextHash, string OpenedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record OpenSignOnChanged(Guid StatementId, bool Enabled, string ChangedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record SignatureDeadlineSet(Guid StatementId, DateTimeOffset? Deadline, string SetBy, DateTimeOffset OccurredAt)
        : IDomainEvent;

    public sealed record Published(Guid StatementId, string Slug, int VersionNumber, int SignatureCount, DateTimeOffset? PublishedAt,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Closed(Guid StatementId, string ClosedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Withdrawn(Guid StatementId, string WithdrawnBy, DateTimeOffset OccurredAt) : IDomainEvent;
}
