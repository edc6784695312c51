using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>The signatory takes its signature back, through its invitation link.</summary>
public sealed record WithdrawSignature(string Token, string? Note) : IRequest<SignatureReceipt>;

public sealed class WithdrawSignatureValidator : AbstractValidator<WithdrawSignature>
{
    public WithdrawSignatureValidator() => RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
}

public sealed class WithdrawSignatureHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<WithdrawSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(WithdrawSignature request, CancellationToken ct)
    {
        var signature = await db.FindSignatureByTokenAsync(request.Token, "there is nothing to withdraw", ct);
        signature.Withdraw(request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}
