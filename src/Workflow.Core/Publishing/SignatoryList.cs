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

public sealed record GetSignatoryList(string Slug) : IRequest<SignatoryList>;

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
        var version = await db.StatementVersions.AsNoTracking()
            .Where(v => v.StatementId == statement.Id && v.Number == statement.SignableVersionNumber)
            .Select(v => new { v.Number, v.TextHash }).SingleAsync(ct);
        var rows =
            from s in db.Signatures.AsNoTracking()
            join o in db.Organisations on s.OrganisationId equals o.Id
            // Counted only when agreed to the text now open for signature: one that changed waits for confirmation.
            where s.StatementId == statement.Id && s.Status == SignatureStatus.Active && s.ConfirmedVersionNumber == statement.SignableVersionNumber
            orderby s.Number
            select new
            {
                s.Number,
                Name = s.DisplayName ?? o.Name,
                NameEnglish = s.DisplayName == null ? o.NameEnglish : s.DisplayNameEnglish,
                Acronym = s.DisplayName == null ? o.Acronym : s.DisplayAcronym,
                Country = s.DisplayCountry, s.SignedAt, s.Phase, s.VersionNumber, s.OrganisationId, s.RecordedAt,
                s.Provenance, s.ProvenanceEmailDomain, s.ProvenanceNote, s.ProvenanceSource,
            };
        // The initiators come first, in their order; then everyone else by number. Each row becomes its signatory as it is
        // read (no list of rows beside the list of signatories: a long list is held once).
        var initiators = statement.InitiatorIds;
        var initiatorRows = new List<(int Order, Signatory Signatory)>();
        var signatories = new List<Signatory>();
        var phases = new Dictionary<SignaturePhase, string>();
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var initiator = initiators.IndexOf(r.OrganisationId);
            var signatory = new Signatory(r.Number, r.Name, r.NameEnglish, r.Acronym, r.Country, r.SignedAt,
                phases.TryGetValue(r.Phase, out var phase) ? phase : phases[r.Phase] = r.Phase.ToString(), r.VersionNumber,
                initiator >= 0, ProvenanceFacts.Of(r.Provenance, r.ProvenanceEmailDomain, r.ProvenanceNote, r.ProvenanceSource), r.RecordedAt);
            if (initiator >= 0) initiatorRows.Add((initiator, signatory));
            else signatories.Add(signatory);
        }
        signatories.InsertRange(0, initiatorRows.OrderBy(r => r.Order).Select(r => r.Signatory));
        var head = await db.LogEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).OrderByDescending(e => e.Index)
            .Select(e => e.Head).FirstOrDefaultAsync(ct);
        var treeHead = head is null ? null : Workflow.Proof.TreeHead.Parse(head);
        return new SignatoryList(statement.Slug, statement.Title, statement.State.ToString(), statement.PublicationDate,
            statement.State == StatementState.Published && statement.AllowsFurtherSignatories,
            version.Number, version.TextHash, signatories, (int)(treeHead?.TreeSize ?? 0), treeHead?.RootHash,
            statement.Kind.ToString(), statement.IssuedBy, statement.ListIsPartial, statement.ListNote, statement.Source);
    }
}
