using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Core.Tests.Endorsements;

public sealed class SignOnEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromHours(72);
    private static readonly Guid Statement = Guid.NewGuid();
    private const string TextHash = "0f5e8d1c2b3a49586776859403a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4";

    private static SignOnEntry Submit(OrganisationDetails? organisation = null, string email = "secretary@Example.ORG",
        string signerName = "Ana Pérez",
        string? signerRole = "Secretary", DateTimeOffset? at = null) =>
        SignOnEntry.Submit(Statement, organisation ?? new OrganisationDetails("  Rode Morgen ", " Red Dawn ", " RM ",
            " nl ", "rodemorgen.nl"),
            email, "nl", signerName, signerRole, 2, TextHash, InvitationToken.Hash("token"), ConfirmWithin, at ?? Now);

    private static SignOnEntry Confirmed()
    {
        var entry = Submit();
        entry.Confirm(Now.AddHours(1));
        return entry;
    }

    [Fact]
    public void A_submitted_entry_awaits_confirmation_with_its_details_tidied_and_raises_SignOnSubmitted()
    {
        var entry = Submit(email: "  secretary@Example.ORG ");

        Assert.Equal(SignOnState.AwaitingConfirmation, entry.State);
        Assert.Equal(new OrganisationDetails("Rode Morgen", "Red Dawn", "RM", "NL", "https://rodemorgen.nl/"), entry.Organisation);
        Assert.Equal(("secretary@Example.ORG", "example.org"), (entry.Email, entry.EmailDomain));
        Assert.Equal((2, TextHash, InvitationToken.Hash("token")), (entry.VersionNumber, entry.TextHash, entry.ConfirmationTokenHash));
        Assert.Equal(Now + ConfirmWithin, entry.ConfirmBy);
        Assert.Null(entry.ConfirmedAt);
        var submitted = Assert.IsType<SignOnEvents.Submitted>(Assert.Single(entry.PendingEvents));
        Assert.Equal((entry.Id, "Rode Morgen", "secretary@Example.ORG", InvitationToken.Hash("token"), entry.ConfirmBy, "nl"),
            (submitted.SignOnId, submitted.OrganisationName, submitted.Email, submitted.LinkHash, submitted.ConfirmBy, submitted.Language));
    }

    [Fact]
    public void The_confirmation_deadline_is_kept_to_the_millisecond_as_it_is_stored()
    {
        var entry = Submit(at: Now.AddTicks(12_345));
        Assert.Equal(Now + ConfirmWithin + TimeSpan.FromMilliseconds(1), entry.ConfirmBy);
    }

    [Theory]
    [InlineData("a@Example.org", "example.org")]
    [InlineData("  first.last@Sub.Example.ORG  ", "sub.example.org")]
    [InlineData("\"odd@local\"@example.net", "example.net")]
    public void The_domain_of_an_address_is_what_follows_its_last_at_sign_in_lower_case(string email, string domain) =>
        Assert.Equal(domain, SignOnEntry.DomainOf(email));

    [Fact]
    public void Confirming_in_time_puts_the_entry_before_the_drafters_and_confirming_again_changes_nothing()
    {
        var entry = Submit();
        entry.Confirm(Now.AddHours(1));
        entry.Confirm(Now.AddHours(2));

        Assert.Equal(SignOnState.AwaitingModeration, entry.State);
        Assert.Equal(Now.AddHours(1), entry.ConfirmedAt);
        Assert.Single(entry.PendingEvents.OfType<SignOnEvents.Confirmed>());
        entry.EnsureAwaitingModeration();
    }

    [Fact]
    public void An_entry_not_confirmed_by_its_deadline_lapses_and_can_no_longer_be_confirmed()
    {
        var entry = Submit();
        Assert.False(entry.HasLapsed(entry.ConfirmBy.AddMilliseconds(-1)));
        Assert.Equal("AwaitingConfirmation", entry.StatusAt(entry.ConfirmBy.AddMilliseconds(-1)));
        Assert.True(entry.HasLapsed(entry.ConfirmBy));
        Assert.Equal("Lapsed", entry.StatusAt(entry.ConfirmBy));

        Assert.Throws<ConflictException>(() => entry.Confirm(entry.ConfirmBy));
        Assert.Equal(SignOnState.AwaitingConfirmation, entry.State);
        Assert.Null(entry.ConfirmedAt);
        Assert.Empty(entry.PendingEvents.OfType<SignOnEvents.Confirmed>());
    }

    [Fact]
    public void A_confirmed_entry_does_not_lapse_when_its_confirmation_deadline_passes()
    {
        var entry = Confirmed();
        Assert.False(entry.HasLapsed(entry.ConfirmBy.AddDays(30)));
        Assert.Equal("AwaitingModeration", entry.StatusAt(entry.ConfirmBy.AddDays(30)));
        entry.Confirm(entry.ConfirmBy.AddDays(30)); // the link followed again late: still nothing happens
        Assert.Equal(SignOnState.AwaitingModeration, entry.State);
    }

    [Fact]
    public void An_unconfirmed_entry_cannot_be_approved()
    {
        var entry = Submit();
        Assert.Throws<ConflictException>(entry.EnsureAwaitingModeration);
        Assert.Throws<ConflictException>(() => entry.Approve(Guid.NewGuid(), Guid.NewGuid(), "drafter", InvitationToken.Hash("new"), Now));
        Assert.Equal(SignOnState.AwaitingConfirmation, entry.State);
        Assert.Null(entry.SignatureId);
        Assert.Equal(InvitationToken.Hash("token"), entry.ConfirmationTokenHash);
    }

    [Fact]
    public void Approving_records_the_signature_replaces_the_link_and_sends_the_receipt()
    {
        var entry = Confirmed();
        var signature = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        entry.Approve(signature, organisation, "drafter", InvitationToken.Hash("fresh"), Now.AddHours(3));

        Assert.Equal(SignOnState.Approved, entry.State);
        Assert.Equal((signature, "drafter", Now.AddHours(3)), (entry.SignatureId, entry.ModeratedBy, entry.ModeratedAt));
        Assert.Equal(InvitationToken.Hash("fresh"), entry.ConfirmationTokenHash);
        var approved = Assert.Single(entry.PendingEvents.OfType<SignOnEvents.Approved>());
        Assert.Equal((signature, organisation, "drafter"), (approved.SignatureId, approved.OrganisationId, approved.ApprovedBy));
        var receipt = Assert.Single(entry.PendingEvents.OfType<SignatureEvents.ReceiptDue>());
        Assert.Equal((signature, "secretary@Example.ORG", "nl", "sign-on", InvitationToken.Hash("fresh")),
            (receipt.SignatureId, receipt.Email, receipt.Language, receipt.LinkKind, receipt.LinkHash));
    }

    [Fact]
    public void An_approved_entry_can_be_neither_approved_again_nor_rejected()
    {
        var entry = Confirmed();
        var signature = Guid.NewGuid();
        entry.Approve(signature, Guid.NewGuid(), "drafter", InvitationToken.Hash("fresh"), Now);
        var events = entry.PendingEvents.Count;

        Assert.Throws<ConflictException>(() => entry.Approve(Guid.NewGuid(), Guid.NewGuid(), "other", InvitationToken.Hash("other"), Now));
        Assert.Throws<ConflictException>(() => entry.Reject("changed my mind", "other", Now));
        Assert.Equal((SignOnState.Approved, signature, "drafter"), (entry.State, entry.SignatureId, entry.ModeratedBy));
        Assert.Null(entry.RejectionReason);
        Assert.Equal(InvitationToken.Hash("fresh"), entry.ConfirmationTokenHash);
        Assert.Equal(events, entry.PendingEvents.Count);
    }

    [Fact]
    public void Rejecting_a_confirmed_entry_keeps_the_trimmed_reason_and_ends_it()
    {
        var entry = Confirmed();
        entry.Reject("  Not an organisation.  ", "drafter", Now.AddHours(5));

        Assert.Equal(SignOnState.Rejected, entry.State);
        Assert.Equal(("Not an organisation.", "drafter", Now.AddHours(5)), (entry.RejectionReason, entry.ModeratedBy, entry.ModeratedAt));
        var rejected = Assert.Single(entry.PendingEvents.OfType<SignOnEvents.Rejected>());
        Assert.Equal(("Not an organisation.", "drafter"), (rejected.Reason, rejected.RejectedBy));

        Assert.Throws<ConflictException>(() => entry.Reject("again", "other", Now.AddHours(6)));
        Assert.Throws<ConflictException>(entry.EnsureAwaitingModeration);
        Assert.Throws<ConflictException>(() => entry.Approve(Guid.NewGuid(), Guid.NewGuid(), "drafter", InvitationToken.Hash("x"), Now));
        Assert.Equal("drafter", entry.ModeratedBy);
        Assert.Null(entry.SignatureId);
    }

    [Fact]
    public void A_rejected_entry_stays_rejected_when_its_link_is_followed()
    {
        var entry = Submit();
        entry.Reject(null, "drafter", Now.AddHours(1));
        entry.Confirm(Now.AddHours(2));
        Assert.Equal(SignOnState.Rejected, entry.State);
        Assert.Null(entry.ConfirmedAt);
        Assert.Null(entry.RejectionReason);
    }

    [Fact]
    public void Reissuing_the_link_retires_the_old_one_pointing_at_this_entry()
    {
        var entry = Confirmed();
        var retired = entry.ReissueLink(InvitationToken.Hash("second"), Now.AddDays(1));
        Assert.Equal(InvitationToken.Hash("second"), entry.ConfirmationTokenHash);
        Assert.Equal(InvitationToken.Hash("token"), retired.TokenHash);
        Assert.Equal(entry.Id, retired.SignOnEntryId);
    }

    [Theory]
    [InlineData("Rode\nMorgen", "Ana", "organisation.name")]
    [InlineData("Rode Morgen", "Ana\u202E", "signerName")]
    public void An_entry_whose_names_are_not_one_line_cannot_reach_the_list(string name, string signerName, string field)
    {
        var entry = Submit(new OrganisationDetails(name, null, null, "NL"), signerName: signerName);
        var refused = Assert.Throws<DomainRuleException>(entry.EnsureNamesAreSingleLine);
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void An_entry_with_one_line_names_in_any_script_passes_the_check()
    {
        Submit(new OrganisationDetails("Партия труда", "Party of Labour", "ПТ", "RU"), signerName: "Анна", signerRole: null)
            .EnsureNamesAreSingleLine();
    }
}
