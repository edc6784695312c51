using FluentValidation;
using MediatR;

namespace Workflow.Core.Endorsements;

/// <summary>A signatory who signed through the public form withdraws through its link.</summary>
public sealed record WithdrawBySignOn(string Token, string? Note) : IRequest<SignatureReceipt>;

public sealed class WithdrawBySignOnValidator : AbstractValidator<WithdrawBySignOn>
{
    public WithdrawBySignOnValidator() => RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
}

public sealed partial class ReconfirmationHandlers : IRequestHandler<WithdrawBySignOn, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(WithdrawBySignOn request, CancellationToken ct)
    {
        var signature = await SignatureOfSignOnAsync(request.Token, ct);
        signature.Withdraw(request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}
