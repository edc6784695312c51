using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

/// <summary>What happens to an entry of open sign-on (see <see cref="IDomainEvent"/>).</summary>
public static class SignOnEvents
{
    /// <param name="LinkHash">The confirmation link's hash; the link is lent to the save (<see cref="Data.LinksToMail"/>).</param>
    public sealed record Submitted(Guid StatementId, Guid SignOnId, string OrganisationName, string Email, string Language,
        string LinkHash, DateTimeOffset ConfirmBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Confirmed(Guid StatementId, Guid SignOnId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Approved(Guid StatementId, Guid SignOnId, Guid SignatureId, Guid OrganisationId, string ApprovedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Rejected(Guid StatementId, Guid SignOnId, string? Reason, string RejectedBy, DateTimeOffset OccurredAt)
        : IDomainEvent;
}
