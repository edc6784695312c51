using Workflow.Contracts;
using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public enum SignaturePhase { Initial, Subsequent }

/// <summary>Active signatures are on the public list; the others stay in the history with why they left it.</summary>
public enum SignatureStatus { Active, Withdrawn, Invalidated }

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

    private Signature() { }

    public Guid Id { get; private set; }
    public Guid StatementId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? EndorsementRequestId { get; private set; }
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
    /// <summary>When it was withdrawn or invalidated.</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    /// <summary>The drafter who invalidated it; null for a withdrawal by the signatory.</summary>
    public string? EndedBy { get; private set; }
    public InvalidationReason? InvalidationReason { get; private set; }
    /// <summary>The signatory's or the drafter's explanation.</summary>
    public string? EndNote { get; private set; }
    /// <summary>
    /// How the organisation is shown on this statement's list: as this statement's drafter named it (never as someone
    /// else's entry in the shared directory reads), or as a drafter corrected it. Null only for older signatures.
    /// </summary>
    public string? DisplayName { get; private set; }
    public string? DisplayNameEnglish { get; private set; }
    public string? DisplayAcronym { get; private set; }
    /// <summary>
    /// The latest version the signatory agreed to: the one signed, or a later one confirmed after the text changed.
    /// The public list counts the signature only while this is the version open for signature.
    /// </summary>
    public int ConfirmedVersionNumber { get; private set; }
    public string ConfirmedTextHash { get; private set; } = "";
    public DateTimeOffset? ReconfirmedAt { get; private set; }
    /// <summary>Where the signing stands in the statement's signature chain, and that entry's hash: the signatory's proof.</summary>
    public int? ChainPosition { get; private set; }
    public string? ChainHash { get; private set; }

    internal void MarkInChain(int position, string hash) => (ChainPosition, ChainHash) = (position, hash);

    /// <summary>The translations the signatory could read beside the text it agreed to, as "language:number:hash".</summary>
    public List<string> TranslationSet { get; private set; } = [];
    /// <summary>When the text changed after this signature and it was asked to confirm the new one.</summary>
    public DateTimeOffset? ReconfirmationRequestedAt { get; private set; }

    public bool NeedsReconfirmation(int? signableVersion) => Status == SignatureStatus.Active && ConfirmedVersionNumber != signableVersion;

    /// <summary>The text changed after this signature: it stays in the history, off the public list until confirmed.</summary>
    public void RequestReconfirmation(Statement statement, StatementVersion version, string organisationName, string? email, string? protectedToken,
        string? linkKind, string language, DateTimeOffset now)
    {
        if (!NeedsReconfirmation(version.Number)) return;
        ReconfirmationRequestedAt = now;
        Raise(new ReconfirmationRequested(StatementId, Id, OrganisationId, organisationName, Number, version.Number, version.TextHash,
            statement.Title, email, protectedToken, linkKind, language, now));
    }

    /// <summary>The signatory agrees to the text now open for signature (its hash, as shown to it), or a drafter records that it did.</summary>
    public void Reconfirm(StatementVersion signable, string textHash, string? confirmedBy, DateTimeOffset now,
        IReadOnlyList<Translations.TranslationVersion>? readable = null)
    {
        EnsureActive();
        signable.EnsureIsTheTextShown(textHash, "confirm");
        if (ConfirmedVersionNumber == signable.Number) return;
        ConfirmedVersionNumber = signable.Number;
        ConfirmedTextHash = signable.TextHash;
        ReconfirmedAt = now;
        TranslationSet = SetOf(readable ?? []);
        Raise(new SignatureReconfirmed(StatementId, Id, OrganisationId, Number, signable.Number, signable.TextHash, confirmedBy, now));
    }

    public void Withdraw(string? note, DateTimeOffset now)
    {
        EnsureActive();
        Status = SignatureStatus.Withdrawn;
        EndedAt = now;
        EndNote = Blank(note);
        Raise(new SignatureWithdrawn(StatementId, Id, OrganisationId, Number, EndNote, now));
    }

    public void Invalidate(InvalidationReason reason, string? note, string userId, DateTimeOffset now)
    {
        EnsureActive();
        Status = SignatureStatus.Invalidated;
        EndedAt = now;
        EndedBy = userId;
        InvalidationReason = reason;
        EndNote = Blank(note);
        Raise(new SignatureInvalidated(StatementId, Id, OrganisationId, Number, reason.ToString(), EndNote, userId, now));
    }

    /// <summary>Corrects how the organisation is shown on this list (a misspelling, a missing accent); the record of who signed is unchanged.</summary>
    public void CorrectDisplayedName(Organisations.Organisation organisation, string name, string? nameEnglish, string? acronym, string userId, DateTimeOffset now)
    {
        var before = (DisplayName ?? organisation.Name, DisplayNameEnglish ?? organisation.NameEnglish, DisplayAcronym ?? organisation.Acronym);
        DisplayName = name.Trim();
        DisplayNameEnglish = Blank(nameEnglish);
        DisplayAcronym = Blank(acronym);
        Raise(new SignatoryNameCorrected(StatementId, Id, OrganisationId, before.Item1, before.Item2, before.Item3,
            DisplayName, DisplayNameEnglish, DisplayAcronym, userId, now));
    }

    /// <summary>Points the signature at the record its organisation's twin was merged into; its names on the list stay.</summary>
    internal void MoveToOrganisation(Guid organisationId) => OrganisationId = organisationId;

    private void EnsureActive()
    {
        if (Status != SignatureStatus.Active)
            throw new ConflictException($"This signature was already {Status.ToString().ToLowerInvariant()}.");
    }

    private static List<string> SetOf(IEnumerable<Translations.TranslationVersion> readable) =>
        readable.Select(t => $"{t.Language}:{t.Number}:{t.TextHash}").ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static Signature Create(
        Statement statement, Guid organisationId, Organisations.OrganisationDetails shownAs, StatementVersion version, string? signerName, string? signerRole,
        Guid? endorsementRequestId, int number, SignaturePhase phase, DateTimeOffset? signedAt, string? recordedBy, DateTimeOffset now,
        IReadOnlyList<Translations.TranslationVersion> readable) => new()
    {
        TranslationSet = SetOf(readable),
        DisplayName = shownAs.Name.Trim(),
        DisplayNameEnglish = Blank(shownAs.NameEnglish),
        DisplayAcronym = Blank(shownAs.Acronym),
        Id = Guid.CreateVersion7(now),
        StatementId = statement.Id,
        OrganisationId = organisationId,
        EndorsementRequestId = endorsementRequestId,
        VersionId = version.Id,
        VersionNumber = version.Number,
        TextHash = version.TextHash,
        ConfirmedVersionNumber = version.Number,
        ConfirmedTextHash = version.TextHash,
        SignerName = string.IsNullOrWhiteSpace(signerName) ? null : signerName.Trim(),
        SignerRole = string.IsNullOrWhiteSpace(signerRole) ? null : signerRole.Trim(),
        Number = number,
        Phase = phase,
        SignedAt = signedAt,
        RecordedAt = now,
        RecordedBy = recordedBy,
        Status = SignatureStatus.Active,
    };
}
