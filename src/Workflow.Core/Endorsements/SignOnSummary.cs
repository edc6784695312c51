using Workflow.Core.Organisations;

namespace Workflow.Core.Endorsements;

public sealed record SignOnSummary(
    Guid Id, string Status, OrganisationDetails Organisation, string Email, string SignerName, string? SignerRole, int VersionNumber,
    string TextHash,
    DateTimeOffset SubmittedAt, DateTimeOffset ConfirmBy, DateTimeOffset? ConfirmedAt, DateTimeOffset? ModeratedAt, string? ModeratedBy,
    string? RejectionReason, Guid? SignatureId, IReadOnlyList<DirectoryMatch> Matches);
