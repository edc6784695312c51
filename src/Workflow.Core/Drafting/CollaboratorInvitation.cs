using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>
/// An owner's invitation to draft a statement with a role, sent by e-mail. The person it was written to follows the
/// link, signs in with the account of that address (once the address is confirmed) and accepts it, once; the token is
/// kept only as its SHA-256. A link forwarded to, or intercepted by, someone else lets them in with no other account.
/// </summary>
public sealed class CollaboratorInvitation
{
    public const int EmailMaxLength = 254;
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    private CollaboratorInvitation() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public string Email { get; private set; } = "";
    public StatementRole Role { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public string StatusAt(DateTimeOffset now) =>
        AcceptedAt is not null ? "Accepted" : RevokedAt is not null ? "Revoked" : ExpiresAt <= now ? "Expired" : "Pending";

    internal static CollaboratorInvitation Create(Guid statementId, string email, StatementRole role, string tokenHash, string userId,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StatementId = statementId,
        Email = email.Trim(),
        Role = role,
        TokenHash = tokenHash,
        InvitedBy = userId,
        CreatedAt = now,
        ExpiresAt = StoredTime.Of(now + ValidFor),
    };

    /// <summary>The invited address as the link's holder may see it: its first letter and its domain (j•••@example.org).</summary>
    public string MaskedEmail => EmailMask.Of(Email);

    /// <summary>Whether an account of this address (compared normalised, ignoring case) is the one invited.</summary>
    public bool IsAddressedTo(string? accountEmail) => accountEmail is not null
        && EmailMask.Normalise(accountEmail) == EmailMask.Normalise(Email);

    /// <summary>Only the account whose confirmed e-mail address is the invited one may accept.</summary>
    public void EnsureAcceptableBy(string? accountEmail, bool emailConfirmed)
    {
        if (!IsAddressedTo(accountEmail))
            throw new ForbiddenException($"This invitation was sent to {MaskedEmail}: sign in with the account of that address to " +
                "accept it.");
        if (!emailConfirmed)
            throw new ForbiddenException($"Confirm your e-mail address {MaskedEmail} first (follow the link sent to it when you " +
                "registered), then accept the invitation.");
    }

    /// <param name="accountEmail">The accepting account's e-mail address, and whether it is confirmed.</param>
    public void Accept(Statement statement, string userId, string? accountEmail, bool emailConfirmed, DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case "Accepted": throw new ConflictException("This invitation was already accepted.");
            case "Revoked": throw new NotFoundException("invitation");
            case "Expired": throw new ConflictException("This invitation has expired; ask an owner of the statement for a new one.");
        }
        EnsureAcceptableBy(accountEmail, emailConfirmed);
        statement.AddMember(userId, Role, InvitedBy, now);
        AcceptedAt = now;
        AcceptedBy = userId;
    }

    public void Revoke(DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new ConflictException("This invitation was already accepted; change or remove the " +
            "member instead.");
        RevokedAt ??= now;
    }
}
