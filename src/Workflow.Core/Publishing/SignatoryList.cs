using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

/// <param name="SignedAt">When it signed; null when nobody knows.</param>
/// <param name="SignedVersion">The version first signed; the signatory has since confirmed the one the list is for.</param>
/// <param name="Provenance">How the signature came about: through its own link, the public form, recorded or imported by the drafters.</param>
/// <param name="RecordedAt">When Workflow recorded the signature: the feed's entry time, never shown as the signing date.</param>
public sealed record Signatory(
    int Number, string Name, string? NameEnglish, string? Acronym, string? Country, DateTimeOffset? SignedAt, string Phase, int SignedVersion = 1,
    bool Initiator = false, Workflow.Proof.Provenance? Provenance = null, [property: JsonIgnore] DateTimeOffset RecordedAt = default);

/// <summary>
/// A statement's numbered signatories: the initial ones "as of" the publication date, then the
/// subsequent ones who signed after it, in signing order. Withdrawn and invalidated signatures are not on it;
/// their numbers stay unused, so a gap shows that a name left the list.
/// </summary>
/// <param name="AsOf">The publication date the list is "as of"; null when it is not known.</param>
/// <param name="Kind">Joint, Single (one organisation's statement) or Article (by its writers, signed by nobody).</param>
/// <param name="IssuedBy">Who issued or wrote the text, as its source names them.</param>
/// <param name="ListIsPartial">The list names only some of those who agreed the text; <paramref name="ListNote"/> says what is known.</param>
public sealed record SignatoryList(
    string Slug, string Title, string State, DateTimeOffset? AsOf, bool AcceptsFurtherSignatories,
    int VersionNumber, string TextHash, IReadOnlyList<Signatory> Signatories, int LogSize = 0, string? LogRoot = null,
    string Kind = nameof(StatementKind.Joint), string? IssuedBy = null, bool ListIsPartial = false, string? ListNote = null, StatementSource? Source = null)
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

public sealed record GetSignatoryList(string Slug) : IRequest<SignatoryList>;

/// <summary>The published list with its signatories to be read once, in order, while the request lasts.</summary>
public sealed record ReadSignatoryList(string Slug) : IRequest<SignatoryListAsRead>;

public sealed class ReadSignatoryListHandler(WorkflowDb db) : IRequestHandler<ReadSignatoryList, SignatoryListAsRead>
{
    public async Task<SignatoryListAsRead> Handle(ReadSignatoryList request, CancellationToken ct) =>
        await db.SignatoryListAsReadOfAsync(await db.FindPublishedAsync(request.Slug, ct), ct);
}

public sealed class GetSignatoryListHandler(WorkflowDb db) : IRequestHandler<GetSignatoryList, SignatoryList>
{
    public async Task<SignatoryList> Handle(GetSignatoryList request, CancellationToken ct) =>
        await db.SignatoryListOfAsync(await db.FindPublishedAsync(request.Slug, ct), ct);
}

/// <summary>
/// The public list as it will look once published "as of" the date chosen (by default now), for the owner who is about
/// to publish it. The date is checked by the statement's rules, as publishing checks it; nothing is changed.
/// </summary>
public sealed record PreviewPublication(string UserId, Guid StatementId, DateTimeOffset? AsOf = null, bool AsOfUnknown = false) : IRequest<SignatoryList>;

public sealed class PreviewPublicationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<PreviewPublication, SignatoryList>
{
    public async Task<SignatoryList> Handle(PreviewPublication request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        if (statement.State != StatementState.OpenForSignature)
            throw new Common.ConflictException("Only a statement open for signature can be published.");
        var now = clock.GetUtcNow();
        var asOf = request.AsOf is { } given ? Common.StoredTime.Of(given) : (DateTimeOffset?)null;
        if (request.AsOfUnknown && asOf is not null)
            throw new Common.DomainRuleException("asOf", "A publication date cannot be both given and unknown.");
        statement.EnsurePublishableAsOf(asOf, now, request.AsOfUnknown);
        var list = await db.SignatoryListOfAsync(statement, ct);
        return list with
        {
            State = nameof(StatementState.Published),
            AsOf = request.AsOfUnknown ? null : asOf ?? now,
            AcceptsFurtherSignatories = statement.AllowsFurtherSignatories,
        };
    }
}

internal static class SignatoryListQuery
{
    /// <summary>The numbered list of a statement's standing signatures, with the proof of its log so far.</summary>
    public static async Task<SignatoryList> SignatoryListOfAsync(this WorkflowDb db, Statement statement, CancellationToken ct)
    {
        var list = await db.SignatoryListAsReadOfAsync(statement, ct);
        var signatories = new List<Signatory>();
        await foreach (var signatory in list.Signatories.WithCancellation(ct)) signatories.Add(signatory);
        return new SignatoryList(list.Slug, list.Title, list.State, list.AsOf, list.AcceptsFurtherSignatories, list.VersionNumber, list.TextHash,
            signatories, list.LogSize, list.LogRoot, list.Kind, list.IssuedBy, list.ListIsPartial, list.ListNote, list.Source);
    }

    /// <summary>The same list, its signatories read from the database when they are enumerated.</summary>
    public static async Task<SignatoryListAsRead> SignatoryListAsReadOfAsync(this WorkflowDb db, Statement statement, CancellationToken ct)
    {
        var version = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Number == statement.SignableVersionNumber)
            .Select(v => new { v.Number, v.TextHash }).SingleAsync(ct);
        var head = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderByDescending(e => e.Index)
            .Select(e => e.Head).FirstOrDefaultAsync(ct);
        var treeHead = head is null ? null : Workflow.Proof.TreeHead.Parse(head);
        return new SignatoryListAsRead(statement.Slug, statement.Title, statement.State.ToString(), statement.PublicationDate,
            statement.State == StatementState.Published && statement.AllowsFurtherSignatories,
            version.Number, version.TextHash, SignatoriesOf(db, statement), (int)(treeHead?.TreeSize ?? 0), treeHead?.RootHash,
            statement.Kind.ToString(), statement.IssuedBy, statement.ListIsPartial, statement.ListNote, statement.Source);
    }

    /// <summary>
    /// The initiators first, in their order (a few, read and ordered here); then everyone else by number, each row becoming
    /// its signatory as the database sends it, so that a long list is never held whole.
    /// </summary>
    private static async IAsyncEnumerable<Signatory> SignatoriesOf(WorkflowDb db, Statement statement, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var initiators = statement.InitiatorIds;
        var phases = new Dictionary<SignaturePhase, string>();
        Signatory ToSignatory(SignatoryRow r, bool initiator) => new(r.Number, r.Name, r.NameEnglish, r.Acronym, r.Country, r.SignedAt,
            phases.TryGetValue(r.Phase, out var phase) ? phase : phases[r.Phase] = r.Phase.ToString(), r.VersionNumber,
            initiator, ProvenanceFacts.Of(r.Provenance, r.ProvenanceEmailDomain, r.ProvenanceNote, r.ProvenanceSource), r.RecordedAt);

        // Counted only when agreed to the text now open for signature: one that changed waits for confirmation.
        var standing = db.Signatures.AsNoTracking().Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
            && s.ConfirmedVersionNumber == statement.SignableVersionNumber);
        if (initiators.Count > 0)
        {
            var first = await Rows(db, standing.Where(s => initiators.Contains(s.OrganisationId))).ToListAsync(ct);
            foreach (var r in first.OrderBy(r => initiators.IndexOf(r.OrganisationId))) yield return ToSignatory(r, initiator: true);
            standing = standing.Where(s => !initiators.Contains(s.OrganisationId));
        }
        await foreach (var r in Rows(db, standing).AsAsyncEnumerable().WithCancellation(ct)) yield return ToSignatory(r, initiator: false);
    }

    private static IQueryable<SignatoryRow> Rows(WorkflowDb db, IQueryable<Signature> signatures) =>
        from s in signatures
        join o in db.Organisations on s.OrganisationId equals o.Id
        orderby s.Number
        select new SignatoryRow(s.Number, s.DisplayName ?? o.Name, s.DisplayName == null ? o.NameEnglish : s.DisplayNameEnglish,
            s.DisplayName == null ? o.Acronym : s.DisplayAcronym, s.DisplayCountry, s.SignedAt, s.Phase, s.VersionNumber, s.OrganisationId,
            s.RecordedAt, s.Provenance, s.ProvenanceEmailDomain, s.ProvenanceNote, s.ProvenanceSource);

    private sealed record SignatoryRow(int Number, string Name, string? NameEnglish, string? Acronym, string? Country, DateTimeOffset? SignedAt,
        SignaturePhase Phase, int VersionNumber, Guid OrganisationId, DateTimeOffset RecordedAt, SignatureProvenance Provenance,
        string? ProvenanceEmailDomain, string? ProvenanceNote, string? ProvenanceSource);
}
