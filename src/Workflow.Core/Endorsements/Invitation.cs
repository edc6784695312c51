using Workflow.Core.Common;

namespace Workflow.Core.Endorsements;

public enum InvitationState { Pending, Signed, Declined, Revoked, Expired }

/// <summary>Where an invitation stands, as the campaign dashboard shows it.</summary>
/// <remarks>Held: recorded while the statement is a draft, e-mailed when it opens for signature.</remarks>
public enum InvitationStatus { Held, Created, Sent, DeliveryFailed, Opened, Signed, Declined, Expired, Revoked }

/// <summary>
/// An invitation to one organisation to sign one statement. The link's token is kept only as its SHA-256 hash.
/// </summary>
public sealed class Invitation : AggregateRoot
{
    public const int EmailMaxLength = 254;
    public const int ReasonMaxLength = 2000;
    public const int PersonalMessageMaxLength = 1000;
    /// <summary>A drafter's reminder goes to no invitation that received a link (invitation, new link or reminder) more recently than
    /// this.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(3);

    private Invitation() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Email { get; private set; } = "";
    /// <summary>The organisation's names as the drafter who invited it gave them; what the invitation and the list show.</summary>
    public string InvitedName { get; private set; } = "";
    public string? InvitedNameEnglish { get; private set; }
    public string? InvitedAcronym { get; private set; }
    public Organisations.OrganisationDetails InvitedAs => new(InvitedName, InvitedNameEnglish, InvitedAcronym, null);

    /// <summary>Whether a name the signatory gives is, blanks aside, the one the drafters invited under.</summary>
    public bool WasInvitedAs(CorrectedName name) => name.Name.Trim() == InvitedName
        && OptionalText.TrimmedOrNull(name.NameEnglish) == InvitedNameEnglish && OptionalText.TrimmedOrNull(name.Acronym) == InvitedAcronym;
    /// <summary>The language the organisation is written to in: one of <see cref="InterfaceLanguages.All"/>.</summary>
    public string Language { get; private set; } = "en";
    public string TokenHash { get; private set; } = "";
    /// <summary>
    /// The drafters chose to receive the current link to hand it over themselves: a signature through it is not the
    /// organisation's act through a link only it received, and its provenance says so.
    /// </summary>
    public bool LinkHandedOver { get; private set; }
    public InvitationState State { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public Guid? SignatureId { get; private set; }
    /// <summary>A deadline of this invitation's own, later than the statement's; otherwise the statement's applies.</summary>
    public DateTimeOffset? OwnDeadline { get; private set; }
    /// <summary>When the latest link was delivered (to the mail server or pickup folder).</summary>
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? DeliveryFailedAt { get; private set; }
    public string? DeliveryError { get; private set; }
    /// <summary>When the organisation first opened its link.</summary>
    public DateTimeOffset? OpenedAt { get; private set; }
    /// <summary>The inviting drafter's own words to the organisation, plain text; every e-mail of this invitation carries them.</summary>
    public string? PersonalMessage { get; private set; }
    public int RemindersSent { get; private set; }
    public DateTimeOffset? LastReminderAt { get; private set; }
    public DateTimeOffset? ExpiredAt { get; private set; }

    /// <summary>Whether the link still leads anywhere. A revoked invitation is treated as if it never existed.</summary>
    public bool IsLive => State != InvitationState.Revoked;

    /// <summary>The later of the invitation's own deadline and the statement's: moving the statement's later extends it too.</summary>
    public DateTimeOffset? DeadlineUnder(DateTimeOffset? statementDeadline) =>
        OwnDeadline is { } own && statementDeadline is { } common ? (own > common ? own : common) : OwnDeadline ?? statementDeadline;

    /// <summary>Never sent yet: nothing delivered, failed or opened. On a draft such an invitation is held.</summary>
    public bool AwaitsFirstSending => State == InvitationState.Pending && SentAt is null && DeliveryFailedAt is null
        && OpenedAt is null;

    /// <param name="invitationsHeld">The statement holds its invitations (<see cref="Statements.Statement.HoldsInvitations"/>).</param>
    public InvitationStatus StatusAt(DateTimeOffset? statementDeadline, DateTimeOffset now, bool invitationsHeld = false) => State switch
    {
        InvitationState.Signed => InvitationStatus.Signed,
        InvitationState.Declined => InvitationStatus.Declined,
        InvitationState.Revoked => InvitationStatus.Revoked,
        InvitationState.Expired => InvitationStatus.Expired,
        _ when DeadlineUnder(statementDeadline) <= now => InvitationStatus.Expired,
        _ when invitationsHeld && AwaitsFirstSending => InvitationStatus.Held,
        _ when OpenedAt is not null => InvitationStatus.Opened,
        _ when DeliveryFailedAt is not null => InvitationStatus.DeliveryFailed,
        _ when SentAt is not null => InvitationStatus.Sent,
        _ => InvitationStatus.Created,
    };

    internal static Invitation Create(Guid statementId, Guid organisationId, Organisations.OrganisationDetails invitedAs,
        string email, string language, string tokenHash, bool linkHandedOver, string userId, DateTimeOffset? ownDeadline,
        string? personalMessage, DateTimeOffset now) => new()
    {
        PersonalMessage = MultiLineText.Normalise(personalMessage),
        LinkHandedOver = linkHandedOver,
        InvitedName = invitedAs.Name.Trim(),
        InvitedNameEnglish = OptionalText.TrimmedOrNull(invitedAs.NameEnglish),
        InvitedAcronym = OptionalText.TrimmedOrNull(invitedAs.Acronym),
        Language = language,
        OwnDeadline = ownDeadline,
        Id = Guid.CreateVersion7(now),
        StatementId = statementId,
        OrganisationId = organisationId,
        Email = email.Trim(),
        TokenHash = tokenHash,
        State = InvitationState.Pending,
        RequestedBy = userId,
        CreatedAt = now,
    };

    /// <summary>An organisation that declined may still change its mind and sign, until the deadline.</summary>
    public void EnsureCanAnswer(DateTimeOffset? statementDeadline, DateTimeOffset now)
    {
        if (State == InvitationState.Revoked) throw new NotFoundException("invitation");
        if (State == InvitationState.Expired || DeadlineUnder(statementDeadline) <= now)
            throw new ConflictException("This invitation expired at its deadline. Ask the drafters for a new one.");
    }

    internal void MarkSigned(Guid signatureId, DateTimeOffset now)
    {
        State = InvitationState.Signed;
        SignatureId = signatureId;
        AnsweredAt = now;
    }

    /// <summary>The signatory's receipt by e-mail, to this invitation's address, with the link it signed through (the page is its
    /// receipt).</summary>
    internal void SendReceipt(Guid signatureId, DateTimeOffset now) =>
        Raise(new SignatureEvents.ReceiptDue(StatementId, signatureId, Email, Language, "invitation", TokenHash, now));

    public void Decline(string? reason, DateTimeOffset? statementDeadline, DateTimeOffset now)
    {
        switch (State)
        {
            case InvitationState.Revoked:
                throw new NotFoundException("invitation");
            case InvitationState.Pending:
                EnsureCanAnswer(statementDeadline, now);
                break;
            case InvitationState.Expired:
                throw new ConflictException("This invitation expired at its deadline.");
            case InvitationState.Signed:
                throw new ConflictException("This invitation was already signed; a signature is withdrawn, not declined.");
            case InvitationState.Declined:
                return; // Declining twice changes nothing.
        }
        State = InvitationState.Declined;
        DeclineReason = OptionalText.TrimmedOrNull(reason);
        AnsweredAt = now;
        Raise(new InvitationEvents.Declined(StatementId, Id, OrganisationId, DeclineReason, now));
    }

    /// <summary>The first opening of the link, for the campaign dashboard.</summary>
    public void MarkOpened(DateTimeOffset now)
    {
        if (OpenedAt is not null) return;
        OpenedAt = now;
        Raise(new InvitationEvents.Opened(StatementId, Id, now));
    }

    public void MarkDelivered(DateTimeOffset now)
    {
        SentAt = now;
        DeliveryFailedAt = null;
        DeliveryError = null;
        Raise(new InvitationEvents.Delivered(StatementId, Id, now));
    }

    public void MarkDeliveryFailed(string error, DateTimeOffset now)
    {
        DeliveryFailedAt = now;
        DeliveryError = error.Length > 500 ? error[..500] : error;
        Raise(new InvitationEvents.DeliveryFailed(StatementId, Id, DeliveryError, now));
    }

    /// <summary>
    /// Sends an invitation held while its statement was a draft, now that it is open: with a fresh link (any earlier one
    /// stops working), to the organisation only.
    /// </summary>
    public void SendHeld(string tokenHash, DateTimeOffset now)
    {
        if (!AwaitsFirstSending) return;
        TokenHash = tokenHash;
        LinkHandedOver = false;
        Raise(new InvitationEvents.Sent(StatementId, Id, OrganisationId, InvitedName, Email, Language, TokenHash, RequestedBy, now));
    }

    /// <summary>Sends a fresh link; the old one stops working at once.</summary>
    public void Resend(string tokenHash, bool linkHandedOver, string userId, DateTimeOffset now)
    {
        if (State != InvitationState.Pending)
            throw new ConflictException($"Only a pending invitation can be sent again; this one is {State.ToString().ToLowerInvariant()}.");
        TokenHash = tokenHash;
        LinkHandedOver = linkHandedOver;
        SentAt = null;
        DeliveryFailedAt = null;
        DeliveryError = null;
        Raise(new InvitationEvents.Resent(StatementId, Id, OrganisationId, InvitedName, Email, Language, TokenHash, userId, now));
    }

    /// <summary>
    /// A reminder before the deadline, with a fresh link (the old one stops working). Reminders whose time passed
    /// unsent (the invitation came late, or the service was down) are counted as done, so two never arrive together.
    /// </summary>
    public void Remind(int remindersNowDue, DateTimeOffset deadline, string tokenHash, DateTimeOffset now)
    {
        if (State != InvitationState.Pending || remindersNowDue <= RemindersSent) return;
        RemindersSent = remindersNowDue;
        LastReminderAt = now;
        TokenHash = tokenHash;
        LinkHandedOver = false;
        Raise(new InvitationEvents.ReminderDue(StatementId, Id, OrganisationId, InvitedName, Email, Language, TokenHash, RemindersSent,
            deadline, now));
    }

    /// <summary>
    /// Whether a drafter's "remind everyone still pending" reaches this invitation: pending, not past its deadline, its link
    /// delivered by e-mail (not held, not failed), and no link sent to it within <see cref="ReminderInterval"/>.
    /// </summary>
    public bool CanBeRemindedAt(DateTimeOffset? statementDeadline, DateTimeOffset now) =>
        State == InvitationState.Pending
        && !(DeadlineUnder(statementDeadline) <= now)
        && SentAt is { } sent && sent <= now - ReminderInterval
        && !(LastReminderAt > now - ReminderInterval);

    /// <summary>A drafter's reminder, with a fresh link (the old one stops working); the schedule's reminders are not counted.</summary>
    public void RemindNow(string tokenHash, DateTimeOffset? statementDeadline, string userId, DateTimeOffset now)
    {
        if (!CanBeRemindedAt(statementDeadline, now)) return;
        LastReminderAt = now;
        TokenHash = tokenHash;
        LinkHandedOver = false;
        Raise(new InvitationEvents.Reminded(StatementId, Id, OrganisationId, InvitedName, Email, Language, TokenHash,
            DeadlineUnder(statementDeadline), userId, now));
    }

    public void Expire(DateTimeOffset now)
    {
        if (State != InvitationState.Pending) return;
        State = InvitationState.Expired;
        ExpiredAt = now;
        Raise(new InvitationEvents.Expired(StatementId, Id, OrganisationId, now));
    }

    /// <summary>A fresh link for the signatory (to confirm a changed text); the old one is retired and still leads here.</summary>
    internal RetiredLink ReissueLink(string tokenHash, DateTimeOffset now)
    {
        var retired = RetiredLink.OfInvitation(TokenHash, Id, now);
        TokenHash = tokenHash;
        return retired;
    }

    /// <summary>Points the invitation at the record its organisation's twin was merged into.</summary>
    internal void MoveToOrganisation(Guid organisationId) => OrganisationId = organisationId;

    public void Revoke(string userId, DateTimeOffset now)
    {
        if (State == InvitationState.Signed)
            throw new ConflictException("This invitation was already signed; it cannot be revoked.");
        if (State == InvitationState.Revoked) return;
        State = InvitationState.Revoked;
        AnsweredAt = now;
        Raise(new InvitationEvents.Revoked(StatementId, Id, OrganisationId, userId, now));
    }
}
