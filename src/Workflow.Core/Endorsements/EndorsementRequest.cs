using Workflow.Contracts;
using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

public enum EndorsementRequestState { Pending, Signed, Declined, Revoked }

/// <summary>
/// An invitation to one organisation to sign one statement. The link's token is kept only as its SHA-256 hash.
/// </summary>
public sealed class EndorsementRequest : AggregateRoot
{
    public const int EmailMaxLength = 254;
    public const int ReasonMaxLength = 2000;

    private EndorsementRequest() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public EndorsementRequestState State { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public Guid? SignatureId { get; private set; }

    /// <summary>Whether the link still leads anywhere. A revoked invitation is treated as if it never existed.</summary>
    public bool IsLive => State != EndorsementRequestState.Revoked;

    internal static EndorsementRequest Create(Guid statementId, Guid organisationId, string email, string tokenHash, string userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StatementId = statementId,
        OrganisationId = organisationId,
        Email = email.Trim(),
        TokenHash = tokenHash,
        State = EndorsementRequestState.Pending,
        RequestedBy = userId,
        CreatedAt = now,
    };

    /// <summary>An organisation that declined may still change its mind and sign.</summary>
    public void EnsureCanSign()
    {
        if (State == EndorsementRequestState.Revoked) throw new NotFoundException("invitation");
    }

    internal void MarkSigned(Guid signatureId, DateTimeOffset now)
    {
        EnsureCanSign();
        State = EndorsementRequestState.Signed;
        SignatureId = signatureId;
        AnsweredAt = now;
    }

    public void Decline(string? reason, DateTimeOffset now)
    {
        switch (State)
        {
            case EndorsementRequestState.Revoked:
                throw new NotFoundException("invitation");
            case EndorsementRequestState.Signed:
                throw new ConflictException("This invitation was already signed; a signature is withdrawn, not declined.");
            case EndorsementRequestState.Declined:
                return; // Declining twice changes nothing.
        }
        State = EndorsementRequestState.Declined;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        AnsweredAt = now;
        Raise(new EndorsementDeclined(StatementId, Id, OrganisationId, DeclineReason, now));
    }

    public void Revoke(string userId, DateTimeOffset now)
    {
        if (State == EndorsementRequestState.Signed)
            throw new ConflictException("This invitation was already signed; it cannot be revoked.");
        if (State == EndorsementRequestState.Revoked) return;
        State = EndorsementRequestState.Revoked;
        AnsweredAt = now;
        Raise(new EndorsementRequestRevoked(StatementId, Id, OrganisationId, userId, now));
    }
}
