using Workflow.Core.Organisations;

namespace Workflow.Core.Endorsements;

public sealed record OrganisationView(Guid Id, string Name, string? NameEnglish, string? Acronym, string? Country)
{
    public static OrganisationView From(Organisation o) => new(o.Id, o.Name, o.NameEnglish, o.Acronym, o.Country);

    /// <summary>The organisation as the statement's drafter named it in the invitation.</summary>
    public static OrganisationView AsInvited(Organisation o, Invitation r) =>
        new(o.Id, r.InvitedName, r.InvitedNameEnglish, r.InvitedAcronym, o.Country);

    /// <summary>The organisation as this statement's list shows it.</summary>
    public static OrganisationView AsSigned(Organisation o, Signature s) =>
        new(o.Id, s.DisplayName, s.DisplayNameEnglish, s.DisplayAcronym, o.Country);
}

/// <param name="Token">
/// Only when the drafter chose to hand the link over: shown once (the token is not stored and cannot be shown again); otherwise
/// null, and only the organisation receives its link.
/// </param>
/// <param name="OrganisationMatched">True when the organisation was already in the directory rather than created.</param>
/// <param name="Held">The statement is a draft: the invitation is recorded, and e-mailed with its link when the statement opens for
/// signature.</param>
public sealed record InvitationCreated(Guid InvitationId, OrganisationView Organisation, string Email, string? Token,
    bool OrganisationMatched = false, bool Held = false);

/// <param name="Email">Whom it was written to: for those who see the statement's personal data (<see cref="Statements.PersonalData"/>),
/// otherwise null.</param>
/// <param name="Status">Held (a draft's, e-mailed when it opens), Created, Sent, DeliveryFailed, Opened, Signed, Declined, Expired or
/// Revoked.</param>
public sealed record InvitationSummary(
    Guid Id, OrganisationView Organisation, string? Email, string Status, DateTimeOffset? Deadline, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, DateTimeOffset? OpenedAt, string? DeliveryError, int RemindersSent,
    DateTimeOffset? AnsweredAt, string? DeclineReason, int? SignatureNumber);

/// <summary>Proof of a signature: which organisation signed which exact text, when, and at which place in the list.</summary>
/// <param name="Provenance">How the signature came about, as the public list shows it.</param>
/// <param name="Proof">
/// The receipt as a self-contained signed document (<c>workflow-receipt/1</c>): the log entry recording the signature as it
/// stands, its inclusion proof and the signed tree head. Keep it: with the published key, it shows what was recorded.
/// </param>
/// <param name="TextChangedAt">When the text last changed after this signature, asking it to confirm the new text; null if never.</param>
/// <param name="ReconfirmedAt">When the signatory last confirmed a changed text.</param>
/// <param name="EndedAt">When the signature was withdrawn or invalidated.</param>
public sealed record SignatureReceipt(
    Guid SignatureId, Guid StatementId, string StatementSlug, string StatementTitle, OrganisationView Organisation,
    int Number, string Phase, int VersionNumber, string TextHash, string? SignerName, string? SignerRole,
    DateTimeOffset? SignedAt, DateTimeOffset RecordedAt, string Status, int ConfirmedVersionNumber, string ConfirmedTextHash,
    bool NeedsReconfirmation,
    IReadOnlyList<TranslationRef> Translations, string Provenance, int? LogIndex, System.Text.Json.Nodes.JsonObject? Proof,
    DateTimeOffset? TextChangedAt, DateTimeOffset? ReconfirmedAt, DateTimeOffset? EndedAt)
{
    internal static SignatureReceipt From(Signature s, Statements.Statement statement, Organisation organisation,
        System.Text.Json.Nodes.JsonObject? proof = null) => new(
        s.Id, statement.Id, statement.Slug, statement.Title, OrganisationView.AsSigned(organisation, s), s.Number, s.Phase.ToString(),
        s.VersionNumber, s.TextHash, s.SignerName, s.SignerRole, s.SignedAt, s.RecordedAt, s.Status.ToString(),
        s.ConfirmedVersionNumber, s.ConfirmedTextHash, s.NeedsReconfirmation(statement.SignableVersionNumber),
        s.TranslationSet.Select(TranslationRef.Parse).ToList(), s.Provenance.ToString(), s.LogIndex,
        proof ?? Publishing.SignatoryLogQueries.ReceiptDocument(s.LatestLogEntry),
        s.ReconfirmationRequestedAt, s.ReconfirmedAt, s.EndedAt);
}

/// <summary>A translation version that was offered beside the signed text; a signature stores it as "language:number:hash".</summary>
public sealed record TranslationRef(string Language, int VersionNumber, string TextHash)
{
    public static TranslationRef Of(Drafting.TranslationVersion translation) =>
        new(translation.Language, translation.Number, translation.TextHash);

    public override string ToString() =>
        $"{Language}:{VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{TextHash}";

    public static TranslationRef Parse(string stored)
    {
        var parts = stored.Split(':');
        return new(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]);
    }
}

/// <summary>What an invited organisation sees behind its link.</summary>
public sealed record InvitationView(
    string Status, OrganisationView Organisation, string StatementTitle, string StatementLanguage, string StatementState,
    Statements.VersionDetails Version, DateTimeOffset? Deadline, bool CanSign, string? CannotSignReason, SignatureReceipt? Receipt,
    IReadOnlyList<Drafting.TranslationDetails> Translations, Drafting.TextDiffView? ChangesSinceConfirmed = null);
