using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public enum SignaturePhase { Initial, Subsequent }

/// <summary>Active signatures are on the public list; the others stay in the history with why they left it.</summary>
public enum SignatureStatus { Active, Withdrawn, Invalidated }

/// <summary>
/// How a signature came about, as the public list shows it. Only the first two are the organisation's own act through a link
/// nobody else held; the drafters can make the others, and the list says so.
/// </summary>
public enum SignatureProvenance
{
    /// <summary>Signed through its own invitation link, e-mailed to an address at <see cref="Signature.ProvenanceEmailDomain"/>.</summary>
    InvitationLink,
    /// <summary>Signed on through the public form, with an address at <see cref="Signature.ProvenanceEmailDomain"/> confirmed, and approved
    /// by the drafters.</summary>
    SignOn,
    /// <summary>Recorded by the drafters from a signature gathered elsewhere (e-mail, paper, a meeting), with their note.</summary>
    RecordedByDrafters,
    /// <summary>Signed through an invitation link the drafters chose to receive and hand over themselves.</summary>
    HandedOverLink,
    /// <summary>Imported from a published source, cited in <see cref="Signature.ProvenanceSource"/>.</summary>
    Imported,
}

/// <summary>Where a signature stands with the text now open for signature.</summary>
public enum ReconfirmationState
{
    /// <summary>It was signed on the text open for signature, or it is off the list: nothing to confirm.</summary>
    NotNeeded,
    /// <summary>The text changed after it was signed: off the public list until the signatory confirms the new one.</summary>
    Awaiting,
    /// <summary>The text changed after it was signed, and the signatory (or, for a recorded one, a drafter) confirmed the new
    /// one.</summary>
    Reconfirmed,
}

/// <summary>Why drafters may take a signature off the list.</summary>
public enum InvalidationReason { NotGenuine, SignedByMistake, Duplicate }

/// <summary>
/// An organisation's signature, bound to the exact version (number and hash) it was shown.
/// It is never deleted: a withdrawal or an invalidation takes it off the public list and keeps it, with its number, in the history.
/// </summary>
public sealed class Signature : AggregateRoot
{
    public const int NoteMaxLength = 2000;
    public const int SignerNameMaxLength = 200;
    public const int SignerRoleMaxLength = 200;
    public const int ProvenanceNoteMaxLength = 500;
    public const int ProvenanceSourceMaxLength = 500;

    private Signature() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? InvitationId { get; private set; }
    public Guid VersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public string TextHash { get; private set; } = "";
    public string? SignerName { get; private set; }
    public string? SignerRole { get; private set; }
    /// <summary>The signatory's number in the statement's list: 1, 2, 3… with no gap.</summary>
    public int Number { get; private set; }
    public SignaturePhase Phase { get; private set; }
    /// <summary>When the organisation signed; for a signature gathered elsewhere, the date it gave, or null when nobody knows it.</summary>
    public DateTimeOffset? SignedAt { get; private set; }
    /// <summary>When Workflow recorded it.</summary>
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>The drafter who recorded a signature gathered outside Workflow; null when the organisation signed itself.</summary>
    public string? RecordedBy { get; private set; }
    public SignatureStatus Status { get; private set; }
    public SignatureProvenance Provenance { get; private set; }
    /// <summary>The domain of the address the link was sent to, or the sign-on confirmed: public, unlike the address.</summary>
    public string? ProvenanceEmailDomain { get; private set; }
    /// <summary>The drafters' note on a signature they recorded: how and when they gathered it.</summary>
    public string? ProvenanceNote { get; private set; }
    /// <summary>The published source a signature was imported from.</summary>
    public string? ProvenanceSource { get; private set; }
    /// <summary>The country shown on this list, as it was when the signature was made: the shared directory may change later.</summary>
    public string? DisplayCountry { get; private set; }
    /// <summary>Who confirmed the latest text: null when the signatory did, through its own link; else the drafter who recorded
    /// it.</summary>
    public string? ReconfirmedBy { get; private set; }
    /// <summary>When it was withdrawn or invalidated.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The drafter who invalidated it; null for a withdrawal by the signatory.</summary>
    public string? EndedBy { get; private set; }
    public InvalidationReason? InvalidationReason { get; private set; }
    /// <summary>The signatory's or the drafter's explanation.</summary>
    public string? EndNote { get; private set; }
    /// <summary>
    /// How the organisation is shown on this statement's list: as this statement's drafter named it (never as someone
    /// else's entry in the shared directory reads), or as a drafter corrected it.
    /// </summary>
    public string DisplayName { get; private set; } = "";
    public string? DisplayNameEnglish { get; private set; }
    public string? DisplayAcronym { get; private set; }
    public SignatoryNames ShownAs => new(DisplayName, DisplayNameEnglish, DisplayAcronym);
    /// <summary>
    /// The names the drafters invited the organisation under, when it signed under a spelling of its own (<c>nameAs</c>); null
    /// when it signed as invited. The drafters see both.
    /// </summary>
    public string? InvitedName { get; private set; }
    public string? InvitedNameEnglish { get; private set; }
    public string? InvitedAcronym { get; private set; }

    public bool NameCorrectedBySignatory => InvitedName is not null;
    /// <summary>
    /// The latest version the signatory agreed to: the one signed, or a later one confirmed after the text changed.
    /// The public list counts the signature only while this is the version open for signature.
    /// </summary>
    public int ConfirmedVersionNumber { get; private set; }
    public string ConfirmedTextHash { get; private set; } = "";
    public DateTimeOffset? ReconfirmedAt { get; private set; }
    /// <summary>The index of the latest entry of the statement's signatory log that records this signature's public facts.</summary>
    public int? LogIndex { get; private set; }

    /// <summary>That entry, when this context wrote it (receipts read their proof from it without another query).</summary>
    internal Publishing.LogEntry? LatestLogEntry { get; private set; }

    internal void MarkInLog(Publishing.LogEntry entry) => (LogIndex, LatestLogEntry) = (entry.Index, entry);

    /// <summary>The translations the signatory could read beside the text it agreed to, as "language:number:hash".</summary>
    public List<string> TranslationSet { get; private set; } = [];
    /// <summary>When the text changed after this signature and it was asked to confirm the new one.</summary>
    public DateTimeOffset? ReconfirmationRequestedAt { get; private set; }

    /// <summary>
    /// Whether the drafters may confirm the new text on this signatory's behalf: only for a signature they made themselves
    /// (recorded or imported). One the organisation gave through its own link is its own to confirm, through that link.
    /// </summary>
    public bool MayBeConfirmedByDrafters => Provenance is SignatureProvenance.RecordedByDrafters or SignatureProvenance.Imported;

    public bool NeedsReconfirmation(int? signableVersion) => Status == SignatureStatus.Active && ConfirmedVersionNumber != signableVersion;

    public ReconfirmationState ReconfirmationAt(int? signableVersion) =>
        NeedsReconfirmation(signableVersion) ? ReconfirmationState.Awaiting
        : ReconfirmedAt is not null ? ReconfirmationState.Reconfirmed
        : ReconfirmationState.NotNeeded;

    /// <summary>The text changed after this signature: it stays in the history, off the public list until confirmed.</summary>
    /// <param name="contact">Where to ask, when the signature came with an address; without one the drafters ask themselves.</param>
    public void RequestReconfirmation(StatementVersion version, SignatoryContact? contact, DateTimeOffset now)
    {
        if (!NeedsReconfirmation(version.Number)) return;
        ReconfirmationRequestedAt = now;
        Raise(new SignatureEvents.ReconfirmationRequested(StatementId, Id, OrganisationId, DisplayName, Number, version.Number,
            version.TextHash, contact, now));
    }

    /// <summary>The signatory agrees to the text now open for signature (its hash, as shown to it), or a drafter records that it
    /// did.</summary>
    public void Reconfirm(StatementVersion signable, string textHash, string? confirmedBy, DateTimeOffset now,
        IReadOnlyList<Drafting.TranslationVersion>? readable = null)
    {
        EnsureActive();
        signable.EnsureIsTheTextShown(textHash, "confirm");
        if (ConfirmedVersionNumber == signable.Number) return;
        ConfirmedVersionNumber = signable.Number;
        ConfirmedTextHash = signable.TextHash;
        ReconfirmedAt = now;
        ReconfirmedBy = confirmedBy;
        TranslationSet = SetOf(readable ?? []);
        Raise(new SignatureEvents.Reconfirmed(StatementId, Id, OrganisationId, Number, signable.Number, signable.TextHash, confirmedBy,
            now));
    }

    public void Withdraw(string? note, DateTimeOffset now)
    {
        EnsureActive();
        Status = SignatureStatus.Withdrawn;
        EndedAt = now;
        EndNote = OptionalText.TrimmedOrNull(note);
        Raise(new SignatureEvents.Withdrawn(StatementId, Id, OrganisationId, Number, EndNote, now));
    }

    public void Invalidate(InvalidationReason reason, string? note, string userId, DateTimeOffset now)
    {
        EnsureActive();
        Status = SignatureStatus.Invalidated;
        EndedAt = now;
        EndedBy = userId;
        InvalidationReason = reason;
        EndNote = OptionalText.TrimmedOrNull(note);
        Raise(new SignatureEvents.Invalidated(StatementId, Id, OrganisationId, Number, reason, EndNote, userId, now));
    }

    /// <summary>Corrects how the organisation is shown on this list (a misspelling, a missing accent); the record of who signed is
    /// unchanged.</summary>
    public void CorrectDisplayedName(string name, string? nameEnglish, string? acronym, string userId, DateTimeOffset now)
    {
        var before = ShownAs;
        DisplayName = name.Trim();
        DisplayNameEnglish = OptionalText.TrimmedOrNull(nameEnglish);
        DisplayAcronym = OptionalText.TrimmedOrNull(acronym);
        Raise(new SignatureEvents.NameCorrected(StatementId, Id, OrganisationId, before, ShownAs, userId, now));
    }

    /// <summary>
    /// The signatory signed under other names than those it was invited under: both are kept, and the correction is recorded.
    /// Whether the names may be used at all (they must not be another organisation's) is the signing's check.
    /// </summary>
    internal void RecordCorrectionBySignatory(Organisations.OrganisationDetails invitedAs, DateTimeOffset now)
    {
        var invited = new SignatoryNames(invitedAs.Name.Trim(), OptionalText.TrimmedOrNull(invitedAs.NameEnglish),
            OptionalText.TrimmedOrNull(invitedAs.Acronym));
        if (invited == ShownAs) return;
        (InvitedName, InvitedNameEnglish, InvitedAcronym) = (invited.Name, invited.NameEnglish, invited.Acronym);
        Raise(new SignatureEvents.CorrectedOwnName(StatementId, Id, OrganisationId, invited, ShownAs, now));
    }

    /// <summary>Points the signature at the record its organisation's twin was merged into; its names on the list stay.</summary>
    internal void MoveToOrganisation(Guid organisationId) => OrganisationId = organisationId;

    private void EnsureActive()
    {
        if (Status != SignatureStatus.Active)
            throw new ConflictException($"This signature was already {Status.ToString().ToLowerInvariant()}.");
    }

    private static List<string> SetOf(IEnumerable<Drafting.TranslationVersion> readable) =>
        readable.Select(t => TranslationRef.Of(t).ToString()).ToList();

    internal static Signature Create(
        Statement statement, Guid organisationId, Organisations.OrganisationDetails shownAs, string? country, StatementVersion version,
        string? signerName,
        string? signerRole, Guid? invitationId, int number, SignaturePhase phase, DateTimeOffset? signedAt, string? recordedBy,
        SignatureOrigin origin,
        DateTimeOffset now, IReadOnlyList<Drafting.TranslationVersion> readable) => new()
    {
        Provenance = origin.Provenance,
        ProvenanceEmailDomain = origin.EmailDomain,
        ProvenanceNote = OptionalText.TrimmedOrNull(origin.Note),
        ProvenanceSource = OptionalText.TrimmedOrNull(origin.Source),
        DisplayCountry = country,
        TranslationSet = SetOf(readable),
        DisplayName = shownAs.Name.Trim(),
        DisplayNameEnglish = OptionalText.TrimmedOrNull(shownAs.NameEnglish),
        DisplayAcronym = OptionalText.TrimmedOrNull(shownAs.Acronym),
        Id = Guid.CreateVersion7(now),
        StatementId = statement.Id,
        OrganisationId = organisationId,
        InvitationId = invitationId,
        VersionId = version.Id,
        VersionNumber = version.Number,
        TextHash = version.TextHash,
        ConfirmedVersionNumber = version.Number,
        ConfirmedTextHash = version.TextHash,
        SignerName = OptionalText.TrimmedOrNull(signerName),
        SignerRole = OptionalText.TrimmedOrNull(signerRole),
        Number = number,
        Phase = phase,
        SignedAt = signedAt,
        RecordedAt = now,
        RecordedBy = recordedBy,
        Status = SignatureStatus.Active,
    };
}

/// <summary>How a signature is being made: its provenance and the public facts that go with it.</summary>
public sealed record SignatureOrigin(SignatureProvenance Provenance, string? EmailDomain = null, string? Note = null, string? Source = null)
{
    /// <summary>Through an invitation link: the organisation's own act, unless the drafters took the link to hand it over.</summary>
    public static SignatureOrigin ThroughInvitation(Invitation invitation) => new(
        invitation.LinkHandedOver ? SignatureProvenance.HandedOverLink : SignatureProvenance.InvitationLink,
        Endorsements.SignOnEntry.DomainOf(invitation.Email));
}
