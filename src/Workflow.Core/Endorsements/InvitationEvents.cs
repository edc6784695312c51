using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

/// <summary>What happens to an invitation to sign (see <see cref="IDomainEvent"/>).</summary>
/// <remarks>The events that send a link name it by <c>LinkHash</c>: the link itself is lent to the save by the use case that
/// made it (<see cref="Data.LinksToMail"/>) and never passes through the domain.</remarks>
public static class InvitationEvents
{
    /// <summary>The invitation is sent, with its link: at once, or when its statement opens after holding it.</summary>
    public sealed record Sent(Guid StatementId, Guid InvitationId, Guid OrganisationId, string InvitedName, string Email,
        string Language, string LinkHash, string RequestedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <summary>Recorded while its statement is a draft: no e-mail and no link yet.</summary>
    public sealed record Held(Guid StatementId, Guid InvitationId, Guid OrganisationId, string InvitedName, string RequestedBy,
        DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Resent(Guid StatementId, Guid InvitationId, Guid OrganisationId, string InvitedName, string Email,
        string Language, string LinkHash, string ResentBy, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <param name="ReminderNumber">1 for the first reminder of the schedule, 2 for the second…</param>
    public sealed record ReminderDue(Guid StatementId, Guid InvitationId, Guid OrganisationId, string InvitedName, string Email,
        string Language, string LinkHash, int ReminderNumber, DateTimeOffset Deadline, DateTimeOffset OccurredAt) : IDomainEvent;

    /// <summary>A drafter's "remind everyone still pending".</summary>
    public sealed record Reminded(Guid StatementId, Guid InvitationId, Guid OrganisationId, string InvitedName, string Email,
        string Language, string LinkHash, DateTimeOffset? Deadline, string RemindedBy, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Opened(Guid StatementId, Guid InvitationId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Delivered(Guid StatementId, Guid InvitationId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record DeliveryFailed(Guid StatementId, Guid InvitationId, string Error, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Declined(Guid StatementId, Guid InvitationId, Guid OrganisationId, string? Reason, DateTimeOffset OccurredAt)
        : IDomainEvent;

    public sealed record Expired(Guid StatementId, Guid InvitationId, Guid OrganisationId, DateTimeOffset OccurredAt) : IDomainEvent;

    public sealed record Revoked(Guid StatementId, Guid InvitationId, Guid OrganisationId, string RevokedBy, DateTimeOffset OccurredAt)
        : IDomainEvent;
}
