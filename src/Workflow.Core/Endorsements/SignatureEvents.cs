using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

/// <summary>What happens to a signature (see <see cref="IDomainEvent"/>).</summary>
public static class SignatureEvents
{
    public sealed record Recorded(Guid StatementId, Guid SignatureId, Guid? InvitationId, Guid OrganisationId, string DisplayName,
        int Number, SignaturePhase Phase, int VersionNumber, string TextHash, DateTimeOffset? SignedAt, DateTimeOffset OccurredAt)
        : IDomainEvent;

    /// <summary>The signatory's receipt is to be e-mailed, with the link of the page that is its receipt.</summary>
    /// <param name="LinkKind">invitation or sign-on: which page the link opens.</param>
    public sealed record ReceiptDue(Guid StatementId, Guid SignatureId, string Email, string Language, string LinkKind,
        string LinkHash, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <param name="Contact">Where to ask, when the signature came with an address (an invitation or the sign-on form).</param>
    public sealed record ReconfirmationRequested(Guid StatementId, Guid SignatureId, Guid OrganisationId, string DisplayName,
        int Number, int VersionNumber, string TextHash, SignatoryContact? Contact, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Reconfirmed(Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, int VersionNumber,
        string TextHash, string? ConfirmedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Withdrawn(Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, string? Note,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Invalidated(Guid StatementId, Guid SignatureId, Guid OrganisationId, int Number, InvalidationReason Reason,
        string? Note, string InvalidatedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record NameCorrected(Guid StatementId, Guid SignatureId, Guid OrganisationId, SignatoryNames Before,
        SignatoryNames After, string CorrectedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <summary>The invited organisation signed under another spelling of its name than it was invited under.</summary>
    public sealed record CorrectedOwnName(Guid StatementId, Guid SignatureId, Guid OrganisationId, SignatoryNames Invited,
        SignatoryNames Signed, DateTimeOffset OccurredAt) : IDomainEvent;
}

/// <summary>How a signatory is named on a list.</summary>
public sealed record SignatoryNames(string Name, string? NameEnglish, string? Acronym);

/// <summary>
/// Where a signatory can be asked again: the address its signature came with, in its language, and the fresh link (by its hash)
/// to the page of that kind (invitation or sign-on).
/// </summary>
public sealed record SignatoryContact(string Email, string Language, string LinkKind, string LinkHash);
