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

    private static EndorsementRequest Invitation()
    {
        var (statement, version) = Statement.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Org", null, null, null), Now);
        return statement.RequestEndorsement(organisation, "a@example.org", InvitationToken.Hash("x"), "protected", "owner", Now);
    }

    [Fact]
    public void Declining_keeps_the_reason_and_twice_changes_nothing()
    {
        var invitation = Invitation();
        invitation.Decline("  Not now.  ", Now);
        invitation.Decline("Other reason", Now.AddDays(1));
        Assert.Equal(EndorsementRequestState.Declined, invitation.State);
        Assert.Equal("Not now.", invitation.DeclineReason);
        Assert.Single(invitation.PendingEvents);
    }

    [Fact]
    public void A_revoked_invitation_behaves_as_if_it_did_not_exist()
    {
        var invitation = Invitation();
        invitation.Revoke("owner", Now);
        Assert.False(invitation.IsLive);
        Assert.Throws<NotFoundException>(() => invitation.EnsureCanSign());
        Assert.Throws<NotFoundException>(() => invitation.Decline(null, Now));
    }
}
