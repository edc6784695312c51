using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Tests.Endorsements;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(53);

    [Fact]
    public void Tokens_carry_256_random_bits_in_a_url_safe_form_and_are_all_different()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => InvitationToken.New()).ToList();
        Assert.All(tokens, t => Assert.True(InvitationToken.IsWellFormed(t), t));
        Assert.Equal(1000, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
    }

    [Fact]
    public void A_token_is_stored_as_its_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InvitationToken.Hash("abc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    public void Malformed_tokens_are_recognised_without_a_lookup(string token) => Assert.False(InvitationToken.IsWellFormed(token));

    private static Invitation Invitation(DateTimeOffset? ownDeadline = null)
    {
        var (statement, version) = Statement.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Org", null, null, null), Now);
        return statement.RequestEndorsement(organisation, new OrganisationDetails("Org", null, null, null), "a@example.org", "en",
            InvitationToken.Hash("x"), false, "owner", ownDeadline, Now);
    }

    [Fact]
    public void Declining_keeps_the_reason_and_twice_changes_nothing()
    {
        var invitation = Invitation();
        invitation.Decline("  Not now.  ", null, Now);
        invitation.Decline("Other reason", null, Now.AddDays(1));
        Assert.Equal(InvitationState.Declined, invitation.State);
        Assert.Equal("Not now.", invitation.DeclineReason);
        Assert.Single(invitation.PendingEvents);
    }

    [Fact]
    public void A_revoked_invitation_behaves_as_if_it_did_not_exist()
    {
        var invitation = Invitation();
        invitation.Revoke("owner", Now);
        Assert.False(invitation.IsLive);
        Assert.Throws<NotFoundException>(() => invitation.EnsureCanAnswer(null, Now));
        Assert.Throws<NotFoundException>(() => invitation.Decline(null, null, Now));
    }

    [Fact]
    public void After_its_deadline_an_invitation_can_be_neither_signed_nor_declined_and_shows_as_expired()
    {
        var deadline = Now.AddDays(10);
        var invitation = Invitation();
        invitation.EnsureCanAnswer(deadline, Now);
        Assert.Equal(InvitationStatus.Created, invitation.StatusAt(deadline, Now));
        Assert.Throws<ConflictException>(() => invitation.EnsureCanAnswer(deadline, deadline));
        Assert.Throws<ConflictException>(() => invitation.Decline(null, deadline, deadline.AddSeconds(1)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(deadline, deadline));
    }

    [Fact]
    public void An_invitations_own_deadline_overrides_the_statements()
    {
        var invitation = Invitation(ownDeadline: Now.AddDays(30));
        Assert.Equal(Now.AddDays(30), invitation.DeadlineUnder(Now.AddDays(10)));
        invitation.EnsureCanAnswer(Now.AddDays(10), Now.AddDays(20));
        // The statement's deadline moved past the invitation's own: the later one holds.
        Assert.Equal(Now.AddDays(40), invitation.DeadlineUnder(Now.AddDays(40)));
    }

    [Fact]
    public void The_status_follows_delivery_and_opening()
    {
        var invitation = Invitation();
        invitation.MarkDeliveryFailed("mailbox unavailable", Now);
        Assert.Equal(InvitationStatus.DeliveryFailed, invitation.StatusAt(null, Now));
        invitation.MarkDelivered(Now);
        Assert.Equal(InvitationStatus.Sent, invitation.StatusAt(null, Now));
        invitation.MarkOpened(Now);
        invitation.MarkOpened(Now.AddDays(1));
        Assert.Equal(InvitationStatus.Opened, invitation.StatusAt(null, Now));
        Assert.Equal(Now, invitation.OpenedAt);
    }

    [Fact]
    public void A_reminder_whose_time_passed_unsent_is_not_sent_after_the_next_one()
    {
        var invitation = Invitation();
        var eventsBefore = invitation.PendingEvents.Count;
        invitation.Remind(2, Now.AddDays(1), InvitationToken.Hash("new"), Now);
        invitation.Remind(2, Now.AddDays(1), InvitationToken.Hash("newer"), Now);

        Assert.Equal(2, invitation.RemindersSent);
        Assert.Equal(InvitationToken.Hash("new"), invitation.TokenHash);
        Assert.Equal(eventsBefore + 1, invitation.PendingEvents.Count);
    }

    [Fact]
    public void Only_pending_invitations_expire()
    {
        var signed = Invitation();
        signed.Decline(null, null, Now);
        signed.Expire(Now);
        Assert.Equal(InvitationState.Declined, signed.State);

        var pending = Invitation();
        pending.Expire(Now);
        Assert.Equal(InvitationState.Expired, pending.State);
    }
}
