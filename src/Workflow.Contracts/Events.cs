namespace Workflow.Contracts;

// Event contracts are published on MassTransit from the transactional outbox.
// They are facts in the past tense and are versioned by name: a breaking change
// makes a new record (SignatureRecordedV2) beside the old one, never an edit.

/// <summary>Every Workflow event happened at one instant (UTC).</summary>
public interface IWorkflowEvent
{
    DateTimeOffset OccurredAt { get; }
}

/// <summary>An event in the life of one statement: it goes to that statement's audit log.</summary>
public interface IStatementEvent : IWorkflowEvent
{
    Guid StatementId { get; }
}

public sealed record StatementDrafted(
    Guid StatementId, string Slug, string Title, string Language,
    int VersionNumber, string TextHash, string DraftedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record DraftRevised(
    Guid StatementId, int VersionNumber, string TextHash, string RevisedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record StatementOpenedForSignature(
    Guid StatementId, int VersionNumber, string TextHash, string OpenedBy, DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="ProtectedSigningToken">
/// The invitation token, encrypted with the service's data-protection keys for the e-mail consumer only:
/// the database keeps the token as a hash, and the outbox must not hold it in clear.
/// </param>
public sealed record EndorsementRequested(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    string RecipientEmail, string StatementTitle, string ProtectedSigningToken,
    string RequestedBy, DateTimeOffset OccurredAt, string RecipientLanguage = "en") : IStatementEvent;

/// <summary>
/// An invitation recorded while its statement is a draft: no e-mail and no link yet. When the statement opens for
/// signature it is sent, with a link of its own (<see cref="EndorsementRequested"/> then).
/// </summary>
public sealed record InvitationHeld(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    string RequestedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record EndorsementRequestRevoked(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string RevokedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record SignatureRecorded(
    Guid StatementId, Guid SignatureId, Guid? EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    int Number, string Phase, int VersionNumber, string TextHash, DateTimeOffset? SignedAt, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record EndorsementDeclined(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string? Reason, DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="PublishedAt">The publication date (the list's "as of"); null when it is not known.</param>
public sealed record StatementPublished(
    Guid StatementId, string Slug, int VersionNumber, int SignatureCount, DateTimeOffset? PublishedAt, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <summary>What kind of text a statement is, who issued it, whether its list is partial, and the source it was taken from.</summary>
public sealed record PublicationDetailsSet(
    Guid StatementId, string Kind, string? IssuedBy, bool ListIsPartial, string? ListNote,
    string? SourceTitle, string? SourcePublisher, string? SourceUrl, DateOnly? SourceAccessedOn, string SetBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record StatementClosed(Guid StatementId, string ClosedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record StatementWithdrawn(Guid StatementId, string WithdrawnBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record SignatureWithdrawn(
    Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, string? Note, DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="Reason">NotGenuine, SignedByMistake or Duplicate.</param>
public sealed record SignatureInvalidated(
    Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, string Reason, string? Note, string InvalidatedBy,
    DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record SignatoryNameCorrected(
    Guid StatementId, Guid SignatureId, Guid OrganisationId,
    string PreviousName, string? PreviousNameEnglish, string? PreviousAcronym,
    string Name, string? NameEnglish, string? Acronym, string CorrectedBy, DateTimeOffset OccurredAt) : IStatementEvent;

/// <summary>An invited organisation signed under another spelling of its name than the drafters invited it under (<c>nameAs</c>).</summary>
public sealed record SignatoryCorrectedOwnName(
    Guid StatementId, Guid SignatureId, Guid OrganisationId,
    string InvitedName, string? InvitedNameEnglish, string? InvitedAcronym,
    string Name, string? NameEnglish, string? Acronym, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record InvitationOpened(Guid StatementId, Guid EndorsementRequestId, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record InvitationDelivered(Guid StatementId, Guid EndorsementRequestId, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record InvitationDeliveryFailed(Guid StatementId, Guid EndorsementRequestId, string Error, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <param name="ProtectedSigningToken">The new link's token, encrypted for the e-mail consumer (see
/// <see cref="EndorsementRequested"/>).</param>
public sealed record InvitationResent(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    string RecipientEmail, string StatementTitle, string ProtectedSigningToken, string ResentBy, DateTimeOffset OccurredAt,
    string RecipientLanguage = "en") : IStatementEvent;

/// <param name="ReminderNumber">1 for the first reminder of this invitation, 2 for the second…</param>
public sealed record EndorsementReminderDue(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    string RecipientEmail, string StatementTitle, string ProtectedSigningToken, int ReminderNumber, DateTimeOffset Deadline,
    DateTimeOffset OccurredAt, string RecipientLanguage = "en") : IStatementEvent;

public sealed record EndorsementRequestExpired(Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record SignatureDeadlineSet(Guid StatementId, DateTimeOffset? Deadline, string SetBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <summary>
/// Two directory records were found to be one organisation: the duplicate now points at the survivor, and the
/// signatures and invitations of the listed statements moved with it. Each of those statements' audit logs records it.
/// </summary>
public sealed record OrganisationsMerged(
    Guid SurvivorId, Guid DuplicateId, string SurvivorName, string DuplicateName, IReadOnlyList<Guid> StatementIds,
    int SignaturesMoved, int InvitationsMoved, string MergedBy, DateTimeOffset OccurredAt) : IWorkflowEvent;

public sealed record OpenSignOnChanged(Guid StatementId, bool Enabled, string ChangedBy, DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="ProtectedConfirmationToken">The confirmation link's token, encrypted for the e-mail consumer (see
/// <see cref="EndorsementRequested"/>).</param>
public sealed record SignOnSubmitted(
    Guid StatementId, Guid SignOnId, string OrganisationName, string RecipientEmail, string StatementTitle,
    string ProtectedConfirmationToken, DateTimeOffset ConfirmBy, DateTimeOffset OccurredAt, string RecipientLanguage = "en")
    : IStatementEvent;

public sealed record SignOnConfirmed(Guid StatementId, Guid SignOnId, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record SignOnApproved(
    Guid StatementId, Guid SignOnId, Guid SignatureId, Guid OrganisationId, string ApprovedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record SignOnRejected(Guid StatementId, Guid SignOnId, string? Reason, string RejectedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <param name="ProtectedToken">The invitation link's token, encrypted for the e-mail consumer (see
/// <see cref="EndorsementRequested"/>).</param>
public sealed record CollaboratorInvited(
    Guid StatementId, Guid InvitationId, string Email, string Role, string StatementTitle, string ProtectedToken, string InvitedBy,
    DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record CollaboratorAdded(Guid StatementId, string UserId, string Role, string AddedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record CollaboratorRoleChanged(
    Guid StatementId, string UserId, string PreviousRole, string Role, string ChangedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record CollaboratorRemoved(Guid StatementId, string UserId, string RemovedBy, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record VersionRestored(
    Guid StatementId, int VersionNumber, int RestoredFrom, string TextHash, string RestoredBy, DateTimeOffset OccurredAt) : IStatementEvent;

/// <summary>The text open for signature changed: signatures on the earlier text need confirming.</summary>
public sealed record SignableTextChanged(Guid StatementId, int VersionNumber, string TextHash, string ChangedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <param name="RecipientEmail">Where to ask, when the signature came with an address (an invitation or the sign-on form).</param>
/// <param name="ProtectedToken">A fresh link's token, encrypted for the e-mail consumer; with <paramref name="LinkKind"/> invitation or
/// sign-on.</param>
public sealed record ReconfirmationRequested(
    Guid StatementId, Guid SignatureId, Guid OrganisationId, string OrganisationName, int Number, int VersionNumber, string TextHash,
    string StatementTitle, string? RecipientEmail, string? ProtectedToken, string? LinkKind, string RecipientLanguage,
    DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="ConfirmedBy">The drafter who recorded a confirmation gathered elsewhere; null when the signatory confirmed through its
/// link.</param>
public sealed record SignatureReconfirmed(
    Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, int VersionNumber, string TextHash, string? ConfirmedBy,
    DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record CommentAdded(
    Guid StatementId, Guid CommentId, int VersionNumber, int Paragraph, Guid? ParentId, string AuthorId, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record CommentResolved(Guid StatementId, Guid CommentId, string ResolvedBy, DateTimeOffset OccurredAt) : IStatementEvent;

/// <param name="Kind">Replace, Insert or Delete.</param>
public sealed record AmendmentProposed(
    Guid StatementId, Guid AmendmentId, int BaseVersionNumber, string Kind, int Paragraph, string ProposedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record AmendmentAccepted(
    Guid StatementId, Guid AmendmentId, int VersionNumber, string ProposedBy, string AcceptedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record AmendmentRejected(Guid StatementId, Guid AmendmentId, string? Reason, string RejectedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

public sealed record TranslationAdded(
    Guid StatementId, string Language, int VersionNumber, int TranslatesVersion, string TextHash, string AddedBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <summary>The primary text changed after the version this translation translates.</summary>
public sealed record TranslationMarkedStale(
    Guid StatementId, string Language, int TranslatesVersion, int LatestPrimaryVersion, DateTimeOffset OccurredAt) : IStatementEvent;

public sealed record InitiatorsSet(Guid StatementId, IReadOnlyList<Guid> OrganisationIds, string SetBy, DateTimeOffset OccurredAt)
    : IStatementEvent;

/// <summary>
/// A drafter reminded a pending invitation ("remind everyone still pending"), with a fresh link: the one sent before stops working.
/// </summary>
/// <param name="ProtectedSigningToken">The new link's token, encrypted for the e-mail consumer (see
/// <see cref="EndorsementRequested"/>).</param>
/// <param name="Deadline">The invitation's deadline, if it has one.</param>
public sealed record InvitationReminded(
    Guid StatementId, Guid EndorsementRequestId, Guid OrganisationId, string OrganisationName,
    string RecipientEmail, string StatementTitle, string ProtectedSigningToken, DateTimeOffset? Deadline, string RemindedBy,
    DateTimeOffset OccurredAt, string RecipientLanguage = "en") : IStatementEvent;

/// <summary>
/// A signatory's receipt is to be e-mailed: after signing through an invitation (to the invitation's address) or once the
/// drafters approved a sign-on (to its confirmed address, which is then told of the approval too).
/// </summary>
/// <param name="LinkKind">invitation or sign-on: which page the link opens.</param>
/// <param name="ProtectedToken">The signatory's link, encrypted for the e-mail consumer (see <see cref="EndorsementRequested"/>).</param>
public sealed record SignatureReceiptDue(
    Guid StatementId, Guid SignatureId, string RecipientEmail, string RecipientLanguage, string LinkKind, string ProtectedToken,
    DateTimeOffset OccurredAt) : IStatementEvent;
