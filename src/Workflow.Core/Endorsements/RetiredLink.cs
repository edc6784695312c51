namespace Workflow.Core.Endorsements;

/// <summary>
/// A signatory's personal link that a change of the text replaced by a fresh one (the fresh one is e-mailed; only hashes are
/// kept, so the old link cannot be sent again). The signer was told to keep the old link as the receipt and the way to
/// withdraw, so it keeps leading to the same invitation or sign-on: it is retired, not revoked.
/// </summary>
public sealed class RetiredLink
{
    private RetiredLink() { }

    public string TokenHash { get; private set; } = "";
    public Guid? InvitationId { get; private set; }
    public Guid? SignOnEntryId { get; private set; }
    public DateTimeOffset RetiredAt { get; private set; }

    internal static RetiredLink OfInvitation(string tokenHash, Guid invitationId, DateTimeOffset now) =>
        new() { TokenHash = tokenHash, InvitationId = invitationId, RetiredAt = now };

    internal static RetiredLink OfSignOn(string tokenHash, Guid signOnEntryId, DateTimeOffset now) =>
        new() { TokenHash = tokenHash, SignOnEntryId = signOnEntryId, RetiredAt = now };
}
