using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

internal static class SignatureLookup
{
    /// <summary>Refuses a second standing signature of one organisation on one statement (a withdrawn or invalidated one does not count).</summary>
    public static async Task EnsureNotSignedYetAsync(this WorkflowDb db, Guid statementId, Organisations.Organisation organisation, CancellationToken ct)
    {
        if (await db.Signatures.AnyAsync(s => s.StatementId == statementId && s.OrganisationId == organisation.Id && s.Status == SignatureStatus.Active, ct))
            throw AlreadySigned(organisation);
    }

    public static ConflictException AlreadySigned(Organisations.Organisation organisation) => new($"{organisation.Name} has already signed this statement.");

    /// <summary>Whether this organisation may sign now: not signed yet, and, unless it is one, after the initiators.</summary>
    public static async Task EnsureMaySignAsync(this WorkflowDb db, Statements.Statement statement, Organisations.Organisation organisation, CancellationToken ct)
    {
        await db.EnsureNotSignedYetAsync(statement.Id, organisation, ct);
        await db.EnsureInitiatorsSignedFirstAsync(statement, organisation, ct);
    }

    public static async Task EnsureInitiatorsSignedFirstAsync(this WorkflowDb db, Statements.Statement statement, Organisations.Organisation organisation, CancellationToken ct)
    {
        if (statement.InitiatorIds.Count == 0) return;
        var standing = await db.Signatures.Where(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active).Select(s => s.OrganisationId).ToListAsync(ct);
        statement.EnsureInitiatorsSignedBefore(organisation, standing);
    }

    public static async Task<Signature> LoadSignatureForDraftingAsync(this WorkflowDb db, Guid statementId, Guid signatureId, string userId, CancellationToken ct)
    {
        await db.LoadForDraftingAsync(statementId, userId, ct);
        return await db.Signatures.SingleOrDefaultAsync(s => s.Id == signatureId && s.StatementId == statementId, ct)
            ?? throw new NotFoundException("signature");
    }

    public static async Task<SignatureReceipt> ReceiptAsync(this WorkflowDb db, Signature signature, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == signature.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == signature.OrganisationId, ct);
        return SignatureReceipt.From(signature, statement, organisation, await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
    }
}
