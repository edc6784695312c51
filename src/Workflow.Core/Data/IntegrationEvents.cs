using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Drafting;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Data;

/// <summary>
/// The edge between the domain's events and the public contracts (Workflow.Contracts) that the outbox publishes and the audit log
/// records. The contracts are versioned by name and keep their shape; the domain's events may change with the domain. An e-mail's
/// contract gets here what the domain does not carry: the statement's title as saved, and the link protected for the e-mail
/// consumer.
/// </summary>
/// <param name="titleOf">The title of a statement in this save.</param>
/// <param name="links">The links this save sends.</param>
internal sealed class IntegrationEvents(Func<Guid, string> titleOf, LinksToMail links)
{
    /// <summary>The statement whose title this event's contract carries (an e-mail's subject), if any.</summary>
    public static Guid? StatementTitled(IDomainEvent raised) => raised switch
    {
        InvitationEvents.Sent e => e.StatementId,
        InvitationEvents.Resent e => e.StatementId,
        InvitationEvents.ReminderDue e => e.StatementId,
        InvitationEvents.Reminded e => e.StatementId,
        StatementEvents.CollaboratorInvited e => e.StatementId,
        SignatureEvents.ReconfirmationRequested e => e.StatementId,
        SignOnEvents.Submitted e => e.StatementId,
        _ => null,
    };

    public IWorkflowEvent ContractOf(IDomainEvent raised) => raised switch
    {
        StatementEvents.Drafted e => new StatementDrafted(e.StatementId, e.Slug, e.Title, e.Language, e.VersionNumber, e.TextHash,
            e.DraftedBy, e.OccurredAt),
        StatementEvents.DraftRevised e => new DraftRevised(e.StatementId, e.VersionNumber, e.TextHash, e.RevisedBy, e.OccurredAt),
        StatementEvents.VersionRestored e => new VersionRestored(e.StatementId, e.VersionNumber, e.RestoredFrom, e.TextHash,
            e.RestoredBy, e.OccurredAt),
        StatementEvents.SignableTextChanged e => new SignableTextChanged(e.StatementId, e.VersionNumber, e.TextHash, e.ChangedBy,
            e.OccurredAt),
        StatementEvents.TranslationMarkedStale e => new TranslationMarkedStale(e.StatementId, e.Language, e.TranslatesVersion,
            e.LatestPrimaryVersion, e.OccurredAt),
        StatementEvents.PublicationDetailsSet e => new PublicationDetailsSet(e.StatementId, e.Kind.ToString(), e.IssuedBy,
            e.ListIsPartial, e.ListNote, e.SourceTitle, e.SourcePublisher, e.SourceUrl, e.SourceAccessedOn, e.SetBy, e.OccurredAt),
        StatementEvents.InitiatorsSet e => new InitiatorsSet(e.StatementId, e.OrganisationIds, e.SetBy, e.OccurredAt),
        StatementEvents.CollaboratorInvited e => new CollaboratorInvited(e.StatementId, e.InvitationId, e.Email, e.Role.ToString(),
            titleOf(e.StatementId), links.ProtectedFor(e.LinkHash), e.InvitedBy, e.OccurredAt),
        StatementEvents.CollaboratorAdded e => new CollaboratorAdded(e.StatementId, e.UserId, e.Role.ToString(), e.AddedBy,
            e.OccurredAt),
        StatementEvents.CollaboratorRoleChanged e => new CollaboratorRoleChanged(e.StatementId, e.UserId, e.PreviousRole.ToString(),
            e.Role.ToString(), e.ChangedBy, e.OccurredAt),
        StatementEvents.CollaboratorRemoved e => new CollaboratorRemoved(e.StatementId, e.UserId, e.RemovedBy, e.OccurredAt),
        StatementEvents.OpenedForSignature e => new StatementOpenedForSignature(e.StatementId, e.VersionNumber, e.TextHash, e.OpenedBy,
            e.OccurredAt),
        StatementEvents.OpenSignOnChanged e => new OpenSignOnChanged(e.StatementId, e.Enabled, e.ChangedBy, e.OccurredAt),
        StatementEvents.SignatureDeadlineSet e => new SignatureDeadlineSet(e.StatementId, e.Deadline, e.SetBy, e.OccurredAt),
        StatementEvents.Published e => new StatementPublished(e.StatementId, e.Slug, e.VersionNumber, e.SignatureCount, e.PublishedAt,
            e.OccurredAt),
        StatementEvents.Closed e => new StatementClosed(e.StatementId, e.ClosedBy, e.OccurredAt),
        StatementEvents.Withdrawn e => new StatementWithdrawn(e.StatementId, e.WithdrawnBy, e.OccurredAt),

        InvitationEvents.Sent e => new EndorsementRequested(e.StatementId, e.InvitationId, e.OrganisationId, e.InvitedName, e.Email,
            titleOf(e.StatementId), links.ProtectedFor(e.LinkHash), e.RequestedBy, e.OccurredAt, e.Language),
        InvitationEvents.Held e => new InvitationHeld(e.StatementId, e.InvitationId, e.OrganisationId, e.InvitedName, e.RequestedBy,
            e.OccurredAt),
        InvitationEvents.Resent e => new InvitationResent(e.StatementId, e.InvitationId, e.OrganisationId, e.InvitedName, e.Email,
            titleOf(e.StatementId), links.ProtectedFor(e.LinkHash), e.ResentBy, e.OccurredAt, e.Language),
        InvitationEvents.ReminderDue e => new EndorsementReminderDue(e.StatementId, e.InvitationId, e.OrganisationId, e.InvitedName,
            e.Email, titleOf(e.StatementId), links.ProtectedFor(e.LinkHash), e.ReminderNumber, e.Deadline, e.OccurredAt, e.Language),
        InvitationEvents.Reminded e => new InvitationReminded(e.StatementId, e.InvitationId, e.OrganisationId, e.InvitedName, e.Email,
            titleOf(e.StatementId), links.ProtectedFor(e.LinkHash), e.Deadline, e.RemindedBy, e.OccurredAt, e.Language),
        InvitationEvents.Opened e => new InvitationOpened(e.StatementId, e.InvitationId, e.OccurredAt),
        InvitationEvents.Delivered e => new InvitationDelivered(e.StatementId, e.InvitationId, e.OccurredAt),
        InvitationEvents.DeliveryFailed e => new InvitationDeliveryFailed(e.StatementId, e.InvitationId, e.Error, e.OccurredAt),
        InvitationEvents.Declined e => new EndorsementDeclined(e.StatementId, e.InvitationId, e.OrganisationId, e.Reason,
            e.OccurredAt),
        InvitationEvents.Expired e => new EndorsementRequestExpired(e.StatementId, e.InvitationId, e.OrganisationId, e.OccurredAt),
        InvitationEvents.Revoked e => new EndorsementRequestRevoked(e.StatementId, e.InvitationId, e.OrganisationId, e.RevokedBy,
            e.OccurredAt),

        SignatureEvents.Recorded e => new SignatureRecorded(e.StatementId, e.SignatureId, e.InvitationId, e.OrganisationId,
            e.DisplayName, e.Number, e.Phase.ToString(), e.VersionNumber, e.TextHash, e.SignedAt, e.OccurredAt),
        SignatureEvents.ReceiptDue e => new SignatureReceiptDue(e.StatementId, e.SignatureId, e.Email, e.Language, e.LinkKind,
            links.ProtectedFor(e.LinkHash), e.OccurredAt),
        SignatureEvents.ReconfirmationRequested e => new ReconfirmationRequested(e.StatementId, e.SignatureId, e.OrganisationId,
            e.DisplayName, e.Number, e.VersionNumber, e.TextHash, titleOf(e.StatementId), e.Contact?.Email,
            e.Contact is { } contact ? links.ProtectedFor(contact.LinkHash) : null, e.Contact?.LinkKind,
            e.Contact?.Language ?? InterfaceLanguages.Default, e.OccurredAt),
        SignatureEvents.Reconfirmed e => new SignatureReconfirmed(e.StatementId, e.SignatureId, e.OrganisationId, e.Number,
            e.VersionNumber, e.TextHash, e.ConfirmedBy, e.OccurredAt),
        SignatureEvents.Withdrawn e => new SignatureWithdrawn(e.StatementId, e.SignatureId, e.OrganisationId, e.Number, e.Note,
            e.OccurredAt),
        SignatureEvents.Invalidated e => new SignatureInvalidated(e.StatementId, e.SignatureId, e.OrganisationId, e.Number,
            e.Reason.ToString(), e.Note, e.InvalidatedBy, e.OccurredAt),
        SignatureEvents.NameCorrected e => new SignatoryNameCorrected(e.StatementId, e.SignatureId, e.OrganisationId, e.Before.Name,
            e.Before.NameEnglish, e.Before.Acronym, e.After.Name, e.After.NameEnglish, e.After.Acronym, e.CorrectedBy, e.OccurredAt),
        SignatureEvents.CorrectedOwnName e => new SignatoryCorrectedOwnName(e.StatementId, e.SignatureId, e.OrganisationId,
            e.Invited.Name, e.Invited.NameEnglish, e.Invited.Acronym, e.Signed.Name, e.Signed.NameEnglish, e.Signed.Acronym,
            e.OccurredAt),

        SignOnEvents.Submitted e => new SignOnSubmitted(e.StatementId, e.SignOnId, e.OrganisationName, e.Email, titleOf(e.StatementId),
            links.ProtectedFor(e.LinkHash), e.ConfirmBy, e.OccurredAt, e.Language),
        SignOnEvents.Confirmed e => new SignOnConfirmed(e.StatementId, e.SignOnId, e.OccurredAt),
        SignOnEvents.Approved e => new SignOnApproved(e.StatementId, e.SignOnId, e.SignatureId, e.OrganisationId, e.ApprovedBy,
            e.OccurredAt),
        SignOnEvents.Rejected e => new SignOnRejected(e.StatementId, e.SignOnId, e.Reason, e.RejectedBy, e.OccurredAt),

        DraftingEvents.CommentAdded e => new CommentAdded(e.StatementId, e.CommentId, e.VersionNumber, e.Paragraph, e.ParentId,
            e.AuthorId, e.OccurredAt),
        DraftingEvents.CommentResolved e => new CommentResolved(e.StatementId, e.CommentId, e.ResolvedBy, e.OccurredAt),
        DraftingEvents.AmendmentProposed e => new AmendmentProposed(e.StatementId, e.AmendmentId, e.BaseVersionNumber,
            e.Kind.ToString(), e.Paragraph, e.ProposedBy, e.OccurredAt),
        DraftingEvents.AmendmentAccepted e => new AmendmentAccepted(e.StatementId, e.AmendmentId, e.VersionNumber, e.ProposedBy,
            e.AcceptedBy, e.OccurredAt),
        DraftingEvents.AmendmentRejected e => new AmendmentRejected(e.StatementId, e.AmendmentId, e.Reason, e.RejectedBy,
            e.OccurredAt),
        DraftingEvents.TranslationAdded e => new TranslationAdded(e.StatementId, e.Language, e.VersionNumber, e.TranslatesVersion,
            e.TextHash, e.AddedBy, e.OccurredAt),

        OrganisationEvents.Merged e => new OrganisationsMerged(e.SurvivorId, e.DuplicateId, e.SurvivorName, e.DuplicateName,
            e.StatementIds, e.SignaturesMoved, e.InvitationsMoved, e.MergedBy, e.OccurredAt),

        _ => throw new InvalidOperationException($"The domain event {raised.GetType().Name} has no contract to publish it as."),
    };
}
