using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Tests.Statements;

public sealed class StatementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2023, 2, 7, 12, 0, 0, TimeSpan.Zero);
    private const string Owner = "owner";

    private static (Statement Statement, StatementVersion Version) Draft(bool further = true) =>
        Statement.Draft("peru", "Solidarity", "We salute.", "en", further, Owner, Now);

    private static readonly OrganisationDetails Shown = new("Rode Morgen", "Red Dawn", "RM", "NL");

    private static Organisation Org(string name = "Rode Morgen")
        => Organisation.Register(new OrganisationDetails(name, "Red Dawn", "RM", "nl"), Now);

    [Fact]
    public void A_new_statement_is_a_draft_with_version_1_and_raises_StatementDrafted()
    {
        var (statement, version) = Draft();
        Assert.Equal(StatementState.Draft, statement.State);
        Assert.Equal(1, version.Number);
        Assert.Equal(TextHash.Of("Solidarity", "We salute."), version.TextHash);
        Assert.IsType<StatementEvents.Drafted>(Assert.Single(statement.PendingEvents));
    }

    [Fact]
    public void Only_members_with_enough_of_a_role_may_act_and_the_last_owner_stays()
    {
        var (statement, _) = Draft();
        statement.EnsureRole(Owner, StatementRole.Owner);
        Assert.Throws<ForbiddenException>(() => statement.EnsureRole("someone-else", StatementRole.Viewer));
        statement.AddMember("editor", StatementRole.Editor, Owner, Now);
        statement.EnsureRole("editor", StatementRole.Commenter);
        Assert.Throws<ForbiddenException>(() => statement.EnsureRole("editor", StatementRole.Owner));
        Assert.Throws<ConflictException>(() => statement.RemoveMember(Owner, Owner, Now));
        Assert.Throws<ConflictException>(() => statement.ChangeRole(Owner, StatementRole.Editor, Owner, Now));
        statement.ChangeRole("editor", StatementRole.Owner, Owner, Now);
        statement.RemoveMember(Owner, "editor", Now);
        Assert.Null(statement.RoleOf(Owner));
    }

    [Fact]
    public void Revising_from_an_old_version_is_a_conflict()
    {
        var (statement, _) = Draft();
        statement.Revise("Solidarity", "Second", 1, Owner, Now);
        var conflict = Assert.Throws<ConflictException>(() => statement.Revise("Solidarity", "Third", 1, Owner, Now));
        Assert.Equal(2, conflict.Extensions["latestVersion"]);
    }

    [Fact]
    public void Line_endings_are_normalised_before_hashing()
    {
        var (statement, _) = Draft();
        var version = statement.Revise("T", "a\r\nb\rc", 1, Owner, Now);
        Assert.Equal("a\nb\nc", version.Body);
        Assert.Equal(TextHash.Of("T", "a\nb\nc"), version.TextHash);
    }

    [Fact]
    public void Signatures_before_publication_are_initial_and_after_it_subsequent_numbered_in_order()
    {
        var (statement, version) = Draft();
        statement.OpenForSignature(version, [], Owner, Now);
        var first = statement.Sign(Org("A"), Shown, version, "Ana", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now);
        statement.Publish(Owner, null, Now);
        var second = statement.Sign(Org("B"), Shown, version, "Ben", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now);

        Assert.Equal((1, SignaturePhase.Initial), (first.Number, first.Phase));
        Assert.Equal((2, SignaturePhase.Subsequent), (second.Number, second.Phase));
        Assert.Equal(version.TextHash, second.TextHash);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_draft_cannot_be_signed(bool further)
    {
        var (statement, version) = Draft(further);
        Assert.Throws<ConflictException>(() => statement.Sign(Org(), Shown, version, "Ana", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now));
    }

    [Fact]
    public void A_published_statement_takes_further_signatories_only_when_its_owner_allows_it_and_never_once_closed()
    {
        var (closedToFurther, v1) = Draft(further: false);
        closedToFurther.OpenForSignature(v1, [], Owner, Now);
        closedToFurther.Publish(Owner, null, Now);
        Assert.Throws<ConflictException>(() => closedToFurther.EnsureAcceptsSignatures());

        var (open, v2) = Draft(further: true);
        open.OpenForSignature(v2, [], Owner, Now);
        open.Publish(Owner, null, Now);
        open.EnsureAcceptsSignatures();
        open.Close(Owner, Now);
        Assert.Throws<ConflictException>(() => open.EnsureAcceptsSignatures());
        Assert.Throws<ConflictException>(() => open.EnsureAcceptsInvitations());
    }

    [Fact]
    public void Only_the_version_open_for_signature_can_be_signed()
    {
        var (statement, version) = Draft();
        statement.OpenForSignature(version, [], Owner, Now);
        var (other, otherVersion) = Draft();
        Assert.Throws<ConflictException>(() => statement.Sign(Org(), Shown, otherVersion, "Ana", null, null, Now, null,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now));
        Assert.NotNull(other);
    }

    [Fact]
    public void Lifecycle_steps_out_of_order_are_conflicts()
    {
        var (statement, version) = Draft();
        Assert.Throws<ConflictException>(() => statement.Publish(Owner, null, Now));
        Assert.Throws<ConflictException>(() => statement.Close(Owner, Now));
        statement.OpenForSignature(version, [], Owner, Now);
        Assert.Throws<ConflictException>(() => statement.OpenForSignature(version, [], Owner, Now));
        Assert.Throws<DomainRuleException>(() => statement.Publish(Owner, Now.AddDays(1), Now));
    }

    [Fact]
    public void A_statement_can_be_withdrawn_from_any_state_but_only_once()
    {
        var (statement, version) = Draft();
        statement.OpenForSignature(version, [], Owner, Now);
        statement.Publish(Owner, null, Now);
        statement.Withdraw(Owner, Now);
        Assert.Equal(StatementState.Withdrawn, statement.State);
        Assert.False(statement.IsPublic);
        Assert.Throws<ConflictException>(() => statement.Withdraw(Owner, Now));
        Assert.Throws<ConflictException>(() => statement.EnsureAcceptsSignatures());
    }

    [Fact]
    public void Publishing_as_of_an_earlier_date_keeps_that_date()
    {
        var (statement, version) = Draft();
        // A list gathered before it reached Workflow, as its source says: the one kind that may be older than its opening here.
        statement.SetPublicationDetails(new PublicationDetails(StatementKind.Joint,
            Source: new StatementSource("Resolution", "ICOR", null, null)), Owner, Now);
        statement.OpenForSignature(version, [], Owner, Now);
        statement.Publish(Owner, new DateTimeOffset(2023, 2, 7, 0, 0, 0, TimeSpan.Zero), Now.AddYears(3));
        Assert.Equal(new DateTimeOffset(2023, 2, 7, 0, 0, 0, TimeSpan.Zero), statement.PublicationDate);
        Assert.Equal(Now.AddYears(3), statement.PublishedAt);
    }

    [Fact]
    public void A_statement_published_on_a_date_nobody_knows_has_no_publication_date_not_today()
    {
        var (statement, version) = Draft();
        statement.SetPublicationDetails(new PublicationDetails(StatementKind.Joint,
            Source: new StatementSource(null, "CPUSA", "https://example.org/peru", null)), Owner, Now);
        statement.OpenForSignature(version, [], Owner, Now);
        Assert.Throws<DomainRuleException>(() => statement.Publish(Owner, new DateTimeOffset(2023, 2, 7, 0, 0, 0, TimeSpan.Zero),
            Now, dateUnknown: true));
        statement.Publish(Owner, null, Now, dateUnknown: true);
        Assert.Null(statement.PublicationDate);
        Assert.Equal(Now, statement.PublishedAt);
        Assert.Null(Assert.IsType<StatementEvents.Published>(statement.PendingEvents[^1]).PublishedAt);
    }

    [Fact]
    public void An_article_takes_no_signatures_and_a_signed_statement_cannot_become_one()
    {
        var (article, version) = Draft();
        article.SetPublicationDetails(new PublicationDetails(StatementKind.Article, "Proletarian writers"), Owner, Now);
        article.OpenForSignature(version, [], Owner, Now);
        Assert.False(article.AcceptsSignatures);
        Assert.Throws<ConflictException>(() => article.EnsureAcceptsSignatures());
        Assert.Throws<ConflictException>(() => article.EnsureAcceptsInvitations());

        var (signed, signedVersion) = Draft();
        signed.OpenForSignature(signedVersion, [], Owner, Now);
        signed.Sign(Org(), Shown, signedVersion, null, null, null, signedAt: null, Owner,
            new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now);
        Assert.Throws<ConflictException>(() => signed.SetPublicationDetails(new PublicationDetails(StatementKind.Article), Owner, Now));
        signed.SetPublicationDetails(new PublicationDetails(StatementKind.Joint, "ICOR", ListIsPartial: true), Owner, Now);
        Assert.Equal("ICOR", signed.IssuedBy);
    }
}
