using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Tests.Endorsements;

public sealed class SignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly OrganisationDetails ShownAs = new("  Rode Morgen ", " Red Dawn ", " RM ", "NL");

    private sealed record Signed(Statement Statement, StatementVersion Version, Organisation Organisation, Signature Signature);

    private static Signed Sign(SignatureProvenance provenance = SignatureProvenance.InvitationLink)
    {
        var (statement, version) = Statement.Draft("peru", "Solidarity", "We salute.", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var organisation = Organisation.Register(new OrganisationDetails("Rode Morgen (directory)", "Red Dawn (directory)", "RMD", "nl"),
            Now);
        var signature = statement.Sign(organisation, ShownAs, version, "  Ana  ", "  ", null, Now, null,
            new SignatureOrigin(provenance, "rodemorgen.nl"), Now);
        return new(statement, version, organisation, signature);
    }

    [Fact]
    public void A_new_signature_is_active_on_the_version_signed_and_shows_the_names_it_was_given_tidied()
    {
        var (_, version, organisation, signature) = Sign();

        Assert.Equal(SignatureStatus.Active, signature.Status);
        Assert.Equal((version.Number, version.TextHash), (signature.VersionNumber, signature.TextHash));
        Assert.Equal((version.Number, version.TextHash), (signature.ConfirmedVersionNumber, signature.ConfirmedTextHash));
        Assert.Equal(("Rode Morgen", "Red Dawn", "RM"), (signature.DisplayName, signature.DisplayNameEnglish, signature.DisplayAcronym));
        Assert.Equal("NL", signature.DisplayCountry); // the directory record's country, as it was when signed
        Assert.Equal(("Ana", null), (signature.SignerName, signature.SignerRole));
        Assert.Equal(organisation.Id, signature.OrganisationId);
        Assert.False(signature.NameCorrectedBySignatory);
        Assert.Equal(ReconfirmationState.NotNeeded, signature.ReconfirmationAt(version.Number));
    }

    [Fact]
    public void Withdrawing_takes_the_signature_off_the_list_with_the_signatorys_note_and_keeps_its_number()
    {
        var signature = Sign().Signature;
        signature.Withdraw("  We left the coalition.  ", Now.AddDays(1));

        Assert.Equal(SignatureStatus.Withdrawn, signature.Status);
        Assert.Equal((Now.AddDays(1), "We left the coalition.", null), (signature.EndedAt, signature.EndNote, signature.EndedBy));
        Assert.Null(signature.InvalidationReason);
        Assert.Equal(1, signature.Number);
        var withdrawn = Assert.IsType<SignatureEvents.Withdrawn>(signature.PendingEvents[^1]);
        Assert.Equal((signature.Id, 1, "We left the coalition."), (withdrawn.SignatureId, withdrawn.Number, withdrawn.Note));
    }

    [Fact]
    public void Invalidating_records_the_reason_the_note_and_the_drafter()
    {
        var signature = Sign().Signature;
        signature.Invalidate(InvalidationReason.Duplicate, "  Signed twice.  ", "drafter", Now.AddDays(1));

        Assert.Equal(SignatureStatus.Invalidated, signature.Status);
        Assert.Equal((InvalidationReason.Duplicate, "Signed twice.", "drafter", Now.AddDays(1)),
            (signature.InvalidationReason, signature.EndNote, signature.EndedBy, signature.EndedAt));
        var invalidated = Assert.IsType<SignatureEvents.Invalidated>(signature.PendingEvents[^1]);
        Assert.Equal((InvalidationReason.Duplicate, "Signed twice.", "drafter"),
            (invalidated.Reason, invalidated.Note, invalidated.InvalidatedBy));
    }

    [Fact]
    public void A_signature_off_the_list_can_be_neither_withdrawn_invalidated_nor_reconfirmed_and_keeps_why_it_left()
    {
        var withdrawn = Sign();
        withdrawn.Signature.Withdraw(null, Now);
        var invalidated = Sign();
        invalidated.Signature.Invalidate(InvalidationReason.NotGenuine, null, "drafter", Now);

        foreach (var (statement, _, _, signature) in new[] { withdrawn, invalidated })
        {
            var before = (signature.Status, signature.EndedAt, signature.EndedBy, signature.InvalidationReason,
                signature.PendingEvents.Count);
            var revised = statement.Revise("Solidarity", "We salute again.", 1, "owner", Now.AddDays(1));
            Assert.Throws<ConflictException>(() => signature.Withdraw("again", Now.AddDays(2)));
            Assert.Throws<ConflictException>(() => signature.Invalidate(InvalidationReason.SignedByMistake, "x", "other", Now.AddDays(2)));
            Assert.Throws<ConflictException>(() => signature.Reconfirm(revised, revised.TextHash, null, Now.AddDays(2)));
            Assert.Equal(before, (signature.Status, signature.EndedAt, signature.EndedBy, signature.InvalidationReason,
                signature.PendingEvents.Count));
            // Off the list, it has nothing to confirm.
            Assert.False(signature.NeedsReconfirmation(revised.Number));
            Assert.Equal(ReconfirmationState.NotNeeded, signature.ReconfirmationAt(revised.Number));
        }
    }

    [Fact]
    public void After_the_text_changes_a_standing_signature_awaits_reconfirmation_and_is_asked_once()
    {
        var (statement, _, _, signature) = Sign();
        var revised = statement.Revise("Solidarity", "We salute the strike.", 1, "owner", Now.AddDays(1));

        Assert.True(signature.NeedsReconfirmation(revised.Number));
        Assert.Equal(ReconfirmationState.Awaiting, signature.ReconfirmationAt(revised.Number));
        var contact = new SignatoryContact("a@rodemorgen.nl", "nl", "invitation", InvitationToken.Hash("fresh"));
        signature.RequestReconfirmation(revised, contact, Now.AddDays(1));
        Assert.Equal(Now.AddDays(1), signature.ReconfirmationRequestedAt);
        var requested = Assert.IsType<SignatureEvents.ReconfirmationRequested>(signature.PendingEvents[^1]);
        Assert.Equal((2, revised.TextHash, contact), (requested.VersionNumber, requested.TextHash, requested.Contact));
    }

    [Fact]
    public void A_signature_on_the_text_open_for_signature_is_not_asked_to_reconfirm()
    {
        var (statement, version, _, signature) = Sign();
        var events = signature.PendingEvents.Count;
        signature.RequestReconfirmation(version, contact: null, Now);
        Assert.Null(signature.ReconfirmationRequestedAt);
        Assert.Equal(events, signature.PendingEvents.Count);
    }

    [Fact]
    public void Reconfirming_the_text_shown_moves_the_confirmed_version_and_keeps_the_version_signed()
    {
        var (statement, version, _, signature) = Sign();
        var revised = statement.Revise("Solidarity", "We salute the strike.", 1, "owner", Now.AddDays(1));
        var translation = TranslationVersion.Create(statement.Id, "nl", 1, "Solidariteit", "Wij groeten de staking.",
            revised.Number, "owner", null, Now);

        signature.Reconfirm(revised, revised.TextHash.ToUpperInvariant(), null, Now.AddDays(2), [translation]);

        Assert.Equal((revised.Number, revised.TextHash), (signature.ConfirmedVersionNumber, signature.ConfirmedTextHash));
        Assert.Equal((version.Number, version.TextHash), (signature.VersionNumber, signature.TextHash));
        Assert.Equal((Now.AddDays(2), null), (signature.ReconfirmedAt, signature.ReconfirmedBy));
        Assert.Equal([$"nl:1:{translation.TextHash}"], signature.TranslationSet);
        Assert.False(signature.NeedsReconfirmation(revised.Number));
        Assert.Equal(ReconfirmationState.Reconfirmed, signature.ReconfirmationAt(revised.Number));
        var reconfirmed = Assert.IsType<SignatureEvents.Reconfirmed>(signature.PendingEvents[^1]);
        Assert.Equal((revised.Number, revised.TextHash, (string?)null),
            (reconfirmed.VersionNumber, reconfirmed.TextHash, reconfirmed.ConfirmedBy));
    }

    [Fact]
    public void Reconfirming_another_text_than_the_one_open_is_refused_and_changes_nothing()
    {
        var (statement, version, _, signature) = Sign();
        var revised = statement.Revise("Solidarity", "We salute the strike.", 1, "owner", Now.AddDays(1));

        var refused = Assert.Throws<ConflictException>(() => signature.Reconfirm(revised, version.TextHash, null, Now.AddDays(2)));
        Assert.Equal(revised.TextHash, refused.Extensions["textHash"]);
        Assert.Equal(version.Number, signature.ConfirmedVersionNumber);
        Assert.Null(signature.ReconfirmedAt);
        Assert.True(signature.NeedsReconfirmation(revised.Number));
    }

    [Fact]
    public void Reconfirming_a_version_already_confirmed_changes_nothing()
    {
        var (statement, _, _, signature) = Sign();
        var revised = statement.Revise("Solidarity", "We salute the strike.", 1, "owner", Now.AddDays(1));
        signature.Reconfirm(revised, revised.TextHash, "drafter", Now.AddDays(2));
        var events = signature.PendingEvents.Count;

        signature.Reconfirm(revised, revised.TextHash, null, Now.AddDays(3));

        Assert.Equal((Now.AddDays(2), "drafter"), (signature.ReconfirmedAt, signature.ReconfirmedBy));
        Assert.Equal(events, signature.PendingEvents.Count);
    }

    [Theory]
    [InlineData(SignatureProvenance.RecordedByDrafters, true)]
    [InlineData(SignatureProvenance.Imported, true)]
    [InlineData(SignatureProvenance.InvitationLink, false)]
    [InlineData(SignatureProvenance.HandedOverLink, false)]
    [InlineData(SignatureProvenance.SignOn, false)]
    public void Only_signatures_the_drafters_made_may_be_confirmed_by_them(SignatureProvenance provenance, bool byDrafters) =>
        Assert.Equal(byDrafters, Sign(provenance).Signature.MayBeConfirmedByDrafters);

    [Fact]
    public void Correcting_the_name_shown_changes_the_list_not_the_directory_and_records_what_it_was()
    {
        var (_, _, organisation, signature) = Sign();
        signature.CorrectDisplayedName("  Rode Morgen NL ", "  ", " R.M. ", "drafter", Now.AddDays(1));

        Assert.Equal(("Rode Morgen NL", null, "R.M."), (signature.DisplayName, signature.DisplayNameEnglish, signature.DisplayAcronym));
        Assert.Equal(("Rode Morgen (directory)", "Red Dawn (directory)", "RMD"),
            (organisation.Name, organisation.NameEnglish, organisation.Acronym));
        var corrected = Assert.IsType<SignatureEvents.NameCorrected>(signature.PendingEvents[^1]);
        Assert.Equal(new SignatoryNames("Rode Morgen", "Red Dawn", "RM"), corrected.Before);
        Assert.Equal((new SignatoryNames("Rode Morgen NL", null, "R.M."), "drafter"), (corrected.After, corrected.CorrectedBy));
    }

    [Fact]
    public void A_signatory_signing_under_its_own_spelling_keeps_both_the_invited_names_and_its_own()
    {
        var signature = Sign().Signature;
        signature.RecordCorrectionBySignatory(new OrganisationDetails(" Rode Morgan ", null, "RM", null), Now);

        Assert.True(signature.NameCorrectedBySignatory);
        Assert.Equal(("Rode Morgan", null, "RM"), (signature.InvitedName, signature.InvitedNameEnglish, signature.InvitedAcronym));
        Assert.Equal(("Rode Morgen", "Red Dawn", "RM"), (signature.DisplayName, signature.DisplayNameEnglish, signature.DisplayAcronym));
        var corrected = Assert.IsType<SignatureEvents.CorrectedOwnName>(signature.PendingEvents[^1]);
        Assert.Equal(("Rode Morgan", "Rode Morgen"), (corrected.Invited.Name, corrected.Signed.Name));
    }

    [Fact]
    public void A_signatory_signing_under_the_names_it_was_invited_under_records_no_correction()
    {
        var signature = Sign().Signature;
        var events = signature.PendingEvents.Count;
        signature.RecordCorrectionBySignatory(new OrganisationDetails(" Rode Morgen", "Red Dawn ", "RM", "BE"), Now);

        Assert.False(signature.NameCorrectedBySignatory);
        Assert.Null(signature.InvitedName);
        Assert.Equal(events, signature.PendingEvents.Count);
    }
}
