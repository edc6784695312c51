using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Tests.Statements;

public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(53);

    [Theory]
    [InlineData(StatementRole.Viewer, false)]
    [InlineData(StatementRole.Commenter, false)]
    [InlineData(StatementRole.Editor, true)]
    [InlineData(StatementRole.Owner, true)]
    public void Editors_and_owners_see_personal_data(StatementRole role, bool sees)
    {
        Assert.Equal(sees, PersonalData.IsSeenBy(role));
        Assert.Equal(sees, PersonalData.SeenByRoles.Contains(role));
    }

    [Fact]
    public void A_stranger_sees_none()
    {
        Assert.False(PersonalData.IsSeenBy(null));
        var (statement, _) = Statement.Draft("s", "T", "B", "en", true, "owner", Now);
        Assert.True(statement.ShowsPersonalDataTo("owner"));
        Assert.False(statement.ShowsPersonalDataTo("stranger"));
        Assert.Throws<ForbiddenException>(() => statement.EnsurePersonalDataVisibleTo("stranger"));
    }

    [Theory]
    [InlineData("jane@example.org", "j•••@example.org")]
    [InlineData("  Ölaf.x@Example.ORG ", "Ö•••@Example.ORG")]
    [InlineData("👩🏽‍💻dev@example.org", "👩🏽‍💻•••@example.org")]
    public void A_masked_address_keeps_its_first_character_and_its_domain(string email, string masked) =>
        Assert.Equal(masked, EmailMask.Of(email));

    [Theory]
    [InlineData("Jane@Example.org", "jane@example.ORG ", true)]
    [InlineData("jose\u0301@example.org", "jos\u00e9@example.org", true)]
    [InlineData("jane@example.org", "jane@example.org.evil", false)]
    [InlineData("jane@example.org", "jane+x@example.org", false)]
    public void Addresses_are_compared_normalised_and_ignoring_case(string a, string b, bool same) =>
        Assert.Equal(same, EmailMask.Normalise(a) == EmailMask.Normalise(b));

    [Fact]
    public void A_draft_holds_its_invitations_and_refuses_a_link_to_hand_over()
    {
        var (statement, version) = Statement.Draft("s", "T", "B", "en", true, "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Org", null, null, null), Now);
        var details = new OrganisationDetails("Org", null, null, null);
        Assert.True(statement.HoldsInvitations);
        Assert.Throws<ConflictException>(() => statement.RequestEndorsement(organisation, details, "a@example.org", "en", "hash",
            true, "owner", null, Now));

        var invitation = statement.RequestEndorsement(organisation, details, "a@example.org", "en", "hash", false, "owner", null, Now);
        Assert.Equal(InvitationStatus.Held, invitation.StatusAt(null, Now, statement.HoldsInvitations));
        Assert.Throws<ConflictException>(statement.EnsureSendsInvitations);

        statement.OpenForSignature(version, [], "owner", Now);
        Assert.False(statement.HoldsInvitations);
        invitation.SendHeld("fresh-hash", Now);
        Assert.Equal("fresh-hash", invitation.TokenHash);
        Assert.Equal(InvitationStatus.Created, invitation.StatusAt(null, Now, statement.HoldsInvitations));
    }
}
