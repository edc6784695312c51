using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Core.Endorsements;

// After the text open for signature changes, each signatory confirms the new text (or withdraws): through its
// invitation link, through its sign-on link, or — for a signature a drafter recorded — through an owner.

/// <summary>The handlers of the four reconfirmation use cases (one file each) share the way a signature is reconfirmed.</summary>
public sealed partial class ReconfirmationHandlers(WorkflowDb db, TimeProvider clock)
{
    private async Task<Signature> SignatureOfSignOnAsync(string token, CancellationToken ct)
    {
        var entry = await db.FindSignOnByTokenAsync(token, ct);
        return entry.SignatureId is { } id ? await db.Signatures.SingleAsync(s => s.Id == id, ct)
            : throw new ConflictException("This sign-on has not become a signature.");
    }

    private async Task<SignatureReceipt> ReconfirmAsync(Signature signature, string textHash, string? confirmedBy, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == signature.StatementId, ct);
        // A published list closed to further signatories still takes confirmations of the signatures already on it.
        if (statement.State is not (StatementState.OpenForSignature or StatementState.Published))
            throw new ConflictException("The statement no longer takes confirmations.");
        var signable = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber!.Value, ct);
        signature.Reconfirm(signable, textHash, confirmedBy, clock.GetUtcNow(), await db.SignableTranslationsAsync(statement, ct));
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}
