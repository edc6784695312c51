using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

internal static class SignatureLookup
{
    /// <summary>Refuses a second standing signature of one organisation on one statement (a withdrawn or invalidated one does not
    /// count).</summary>
    public static async Task EnsureNotSignedYetAsync(this WorkflowDb db, Guid statementId, Organisations.Organisation organisation,
        CancellationToken ct)
    {
        if (await db.Signatures.AnyAsync(s => s.StatementId == statementId && s.OrganisationId == organisation.Id
            && s.Status == SignatureStatus.Active, ct))
            throw Statement.AlreadySigned(organisation);
    }

    /// <summary><see cref="Statement.EnsureMaySign"/>, with the standing signatures it needs read from the database.</summary>
    public static async Task EnsureMaySignAsync(this WorkflowDb db, Statement statement, Organisations.Organisation organisation,
        CancellationToken ct)
    {
        var watched = statement.InitiatorIds.Append(organisation.Id).ToList();
        var standing = await db.Signatures.Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
            && watched.Contains(s.OrganisationId))
            .Select(s => s.OrganisationId).ToListAsync(ct);
        statement.EnsureMaySign(organisation, standing);
    }

    public static async Task<Signature> LoadSignatureForDraftingAsync(this WorkflowDb db, Guid statementId, Guid signatureId, string userId,
        CancellationToken ct)
    {
        await db.LoadForRoleAsync(statementId, userId, StatementRole.Owner, ct);
        return await db.Signatures.SingleOrDefaultAsync(s => s.Id == signatureId && s.StatementId == statementId, ct)
            ?? throw new NotFoundException("signature");
    }

    public static async Task<SignatureReceipt> ReceiptAsync(this WorkflowDb db, Signature signature, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == signature.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == signature.OrganisationId, ct);
        return SignatureReceipt.From(signature, statement, organisation,
            await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
    }
}
