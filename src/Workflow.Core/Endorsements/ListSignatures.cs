using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>Every signature of a statement, active or not, with its history: what the drafters see.</summary>
/// <param name="SignatureId">Only this signature, if given.</param>
public sealed record ListSignatures(string UserId, Guid StatementId, Guid? SignatureId = null) : IRequest<IReadOnlyList<SignatureRecord>>;

/// <param name="NameCorrectedBySignatory">The organisation signed under another spelling of its name than it was invited under; the invited
/// one follows.</param>
/// <param name="Reconfirmation">Whether the signatory still has to confirm the text now open for signature, did so, or never had
/// to.</param>
/// <param name="SignerEmail">
/// The address the invitation was sent to, or the sign-on confirmed: for those who see the statement's personal data
/// (<see cref="Statements.PersonalData"/>), otherwise null; null too for a signature the drafters recorded.
/// </param>
public sealed record SignatureRecord(
    Guid Id, int Number, string Phase, string Status, OrganisationView Organisation, string DisplayedName,
    string? DisplayedNameEnglish, string? DisplayedAcronym, int VersionNumber, string TextHash, string? SignerName, string? SignerRole,
    DateTimeOffset? SignedAt, DateTimeOffset RecordedAt, string? RecordedBy, DateTimeOffset? EndedAt, string? EndedBy,
    string? InvalidationReason, string? EndNote, int ConfirmedVersionNumber, DateTimeOffset? ReconfirmedAt, bool NeedsReconfirmation,
    Workflow.Proof.Provenance Provenance, bool NameCorrectedBySignatory, string? InvitedName, string? InvitedNameEnglish,
    string? InvitedAcronym,
    ReconfirmationState Reconfirmation, string? SignerEmail);

public sealed class ListSignaturesHandler(WorkflowDb db) : IRequestHandler<ListSignatures, IReadOnlyList<SignatureRecord>>
{
    public async Task<IReadOnlyList<SignatureRecord>> Handle(ListSignatures request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var rows = await (
            from s in db.Signatures.AsNoTracking()
            join o in db.Organisations on s.OrganisationId equals o.Id
            where s.StatementId == request.StatementId && (request.SignatureId == null || s.Id == request.SignatureId)
            orderby s.Number
            select new { s, o }).ToListAsync(ct);
        var emails = statement.ShowsPersonalDataTo(request.UserId) ? await SignerEmailsAsync(request.StatementId, ct) : [];
        return rows.Select(x => new SignatureRecord(x.s.Id, x.s.Number, x.s.Phase.ToString(), x.s.Status.ToString(),
            OrganisationView.From(x.o),
            x.s.DisplayName, x.s.DisplayNameEnglish, x.s.DisplayAcronym, x.s.VersionNumber, x.s.TextHash, x.s.SignerName, x.s.SignerRole,
            x.s.SignedAt, x.s.RecordedAt, x.s.RecordedBy, x.s.EndedAt, x.s.EndedBy, x.s.InvalidationReason?.ToString(), x.s.EndNote,
            x.s.ConfirmedVersionNumber, x.s.ReconfirmedAt, x.s.NeedsReconfirmation(statement.SignableVersionNumber),
            Publishing.ProvenanceFacts.Of(x.s),
            x.s.NameCorrectedBySignatory, x.s.InvitedName, x.s.InvitedNameEnglish, x.s.InvitedAcronym,
            x.s.ReconfirmationAt(statement.SignableVersionNumber), emails.GetValueOrDefault(x.s.Id))).ToList();
    }

    /// <summary>Whom each signature's link was written to: the invitation's address, or the address a sign-on confirmed.</summary>
    private async Task<Dictionary<Guid, string>> SignerEmailsAsync(Guid statementId, CancellationToken ct)
    {
        var invited = await (
            from s in db.Signatures.AsNoTracking()
            join r in db.Invitations on s.InvitationId equals r.Id
            where s.StatementId == statementId
            select new { s.Id, r.Email }).ToListAsync(ct);
        var signedOn = await db.SignOnEntries.AsNoTracking()
            .Where(e => e.StatementId == statementId && e.SignatureId != null)
            .Select(e => new { Id = e.SignatureId!.Value, e.Email }).ToListAsync(ct);
        return invited.Concat(signedOn).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Email);
    }
}
