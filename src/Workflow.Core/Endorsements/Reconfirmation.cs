using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Translations;
using Workflow.Core.SignOn;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

// After the text open for signature changes, each signatory confirms the new text (or withdraws): through its
// invitation link, through its sign-on link, or — for a signature a drafter recorded — through an owner.

/// <param name="Token">The invitation link's token.</param>
public sealed record ReconfirmByInvitation(string Token, string TextHash) : IRequest<SignatureReceipt>;

/// <param name="Token">The sign-on link's token.</param>
public sealed record ReconfirmBySignOn(string Token, string TextHash) : IRequest<SignatureReceipt>;

/// <summary>A signatory who signed through the public form withdraws through its link.</summary>
public sealed record WithdrawBySignOn(string Token, string? Note) : IRequest<SignatureReceipt>;

/// <summary>
/// An owner records that a signatory confirmed the new text by other means: only for a signature the drafters recorded or
/// imported, which has no link. One the organisation gave itself is its own to confirm.
/// </summary>
public sealed record ReconfirmSignature(string UserId, Guid StatementId, Guid SignatureId, string TextHash) : IRequest<SignatureReceipt>;

public sealed class ReconfirmByInvitationValidator : AbstractValidator<ReconfirmByInvitation>
{
    public ReconfirmByInvitationValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed class ReconfirmBySignOnValidator : AbstractValidator<ReconfirmBySignOn>
{
    public ReconfirmBySignOnValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed class ReconfirmSignatureValidator : AbstractValidator<ReconfirmSignature>
{
    public ReconfirmSignatureValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed class WithdrawBySignOnValidator : AbstractValidator<WithdrawBySignOn>
{
    public WithdrawBySignOnValidator() => RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
}

public sealed class ReconfirmationHandlers(WorkflowDb db, TimeProvider clock) :
    IRequestHandler<ReconfirmByInvitation, SignatureReceipt>, IRequestHandler<ReconfirmBySignOn, SignatureReceipt>,
    IRequestHandler<WithdrawBySignOn, SignatureReceipt>, IRequestHandler<ReconfirmSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ReconfirmByInvitation request, CancellationToken ct)
    {
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        var signature = await db.Signatures.SingleOrDefaultAsync(s => s.EndorsementRequestId == invitation.Id, ct)
            ?? throw new ConflictException("This invitation has not been signed; sign it instead.");
        return await ReconfirmAsync(signature, request.TextHash, null, ct);
    }

    public async Task<SignatureReceipt> Handle(ReconfirmBySignOn request, CancellationToken ct) =>
        await ReconfirmAsync(await SignatureOfSignOnAsync(request.Token, ct), request.TextHash, null, ct);

    public async Task<SignatureReceipt> Handle(WithdrawBySignOn request, CancellationToken ct)
    {
        var signature = await SignatureOfSignOnAsync(request.Token, ct);
        signature.Withdraw(request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }

    public async Task<SignatureReceipt> Handle(ReconfirmSignature request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        if (!signature.MayBeConfirmedByDrafters)
            throw new ConflictException("This organisation signed through its own link: only it can confirm the new text, through that link.");
        return await ReconfirmAsync(signature, request.TextHash, request.UserId, ct);
    }

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
