using System.Text.Json.Serialization;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

/// <param name="SignedAt">When it signed; null when nobody knows.</param>
/// <param name="SignedVersion">The version first signed; the signatory has since confirmed the one the list is for.</param>
/// <param name="Provenance">How the signature came about: through its own link, the public form, recorded or imported by the
/// drafters.</param>
/// <param name="RecordedAt">When Workflow recorded the signature: the feed's entry time, never shown as the signing date.</param>
public sealed record Signatory(
    int Number, string Name, string? NameEnglish, string? Acronym, string? Country, DateTimeOffset? SignedAt, string Phase,
    int SignedVersion = 1,
    bool Initiator = false, Workflow.Proof.Provenance? Provenance = null, [property: JsonIgnore] DateTimeOffset RecordedAt = default);

/// <summary>
/// A statement's numbered signatories: the initial ones "as of" the publication date, then the
/// subsequent ones who signed after it, in signing order. Withdrawn and invalidated signatures are not on it;
/// their numbers stay unused, so a gap shows that a name left the list.
/// </summary>
/// <param name="AsOf">The publication date the list is "as of"; null when it is not known.</param>
/// <param name="Kind">Joint, Single (one organisation's statement) or Article (by its writers, signed by nobody).</param>
/// <param name="IssuedBy">Who issued or wrote the text, as its source names them.</param>
/// <param name="ListIsPartial">The list names only some of those who agreed the text; <paramref name="ListNote"/> says what is
/// known.</param>
public sealed record SignatoryList(
    string Slug, string Title, string State, DateTimeOffset? AsOf, bool AcceptsFurtherSignatories,
    int VersionNumber, string TextHash, IReadOnlyList<Signatory> Signatories, int LogSize = 0, string? LogRoot = null,
    string Kind = nameof(StatementKind.Joint), string? IssuedBy = null, bool ListIsPartial = false, string? ListNote = null,
    StatementSource? Source = null)
{
    public bool IsArticle => Kind == nameof(StatementKind.Article);

    public IEnumerable<Signatory> Initial() => Signatories.Where(s => s.Phase == nameof(SignaturePhase.Initial));
    public IEnumerable<Signatory> Subsequent() => Signatories.Where(s => s.Phase == nameof(SignaturePhase.Subsequent));
}

/// <summary>
/// <see cref="SignatoryList"/> with its signatories read from the database while they are written out rather than held
/// whole: the same properties in the same order, so that its JSON is the list's JSON byte for byte.
/// </summary>
public sealed record SignatoryListAsRead(
    string Slug, string Title, string State, DateTimeOffset? AsOf, bool AcceptsFurtherSignatories,
    int VersionNumber, string TextHash, IAsyncEnumerable<Signatory> Signatories, int LogSize, string? LogRoot,
    string Kind, string? IssuedBy, bool ListIsPartial, string? ListNote, StatementSource? Source)
{
    public bool IsArticle => Kind == nameof(StatementKind.Article);
}
