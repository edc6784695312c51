using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Publishing;

internal static class SignatoryListQuery
{
    /// <summary>The numbered list of a statement's standing signatures, with the proof of its log so far.</summary>
    public static async Task<SignatoryList> SignatoryListOfAsync(this WorkflowDb db, Statement statement, CancellationToken ct)
    {
        var list = await db.SignatoryListAsReadOfAsync(statement, ct);
        var signatories = new List<Signatory>();
        await foreach (var signatory in list.Signatories.WithCancellation(ct)) signatories.Add(signatory);
        return new SignatoryList(list.Slug, list.Title, list.State, list.AsOf, list.AcceptsFurtherSignatories, list.VersionNumber,
            list.TextHash,
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
    private static async IAsyncEnumerable<Signatory> SignatoriesOf(WorkflowDb db, Statement statement,
        [EnumeratorCancellation] CancellationToken ct = default)
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
            var first = await Rows(standing.Where(s => initiators.Contains(s.OrganisationId))).ToListAsync(ct);
            foreach (var r in first.OrderBy(r => initiators.IndexOf(r.OrganisationId))) yield return ToSignatory(r, initiator: true);
            standing = standing.Where(s => !initiators.Contains(s.OrganisationId));
        }
        await foreach (var r in Rows(standing).AsAsyncEnumerable().WithCancellation(ct)) yield return ToSignatory(r, initiator: false);
    }

    private static IQueryable<SignatoryRow> Rows(IQueryable<Signature> signatures) =>
        from s in signatures
        orderby s.Number
        select new SignatoryRow(s.Number, s.DisplayName, s.DisplayNameEnglish, s.DisplayAcronym, s.DisplayCountry, s.SignedAt,
            s.Phase, s.VersionNumber, s.OrganisationId, s.RecordedAt, s.Provenance, s.ProvenanceEmailDomain, s.ProvenanceNote,
            s.ProvenanceSource);

    private sealed record SignatoryRow(int Number, string Name, string? NameEnglish, string? Acronym, string? Country,
        DateTimeOffset? SignedAt,
        SignaturePhase Phase, int VersionNumber, Guid OrganisationId, DateTimeOffset RecordedAt, SignatureProvenance Provenance,
        string? ProvenanceEmailDomain, string? ProvenanceNote, string? ProvenanceSource);
}
