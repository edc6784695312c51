using FluentValidation;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>A drafter takes a signature off the list because it is not genuine, was made by mistake, or duplicates another.</summary>
public sealed record InvalidateSignature(string UserId, Guid StatementId, Guid SignatureId, InvalidationReason? Reason, string? Note)
    : IRequest<SignatureReceipt>;

public sealed class InvalidateSignatureValidator : AbstractValidator<InvalidateSignature>
{
    public InvalidateSignatureValidator()
    {
        RuleFor(r => r.Reason).NotNull().IsInEnum();
        RuleFor(r => r.Note).MaximumLength(Signature.NoteMaxLength);
    }
}

public sealed class InvalidateSignatureHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<InvalidateSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(InvalidateSignature request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        signature.Invalidate(request.Reason!.Value, request.Note, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await db.ReceiptAsync(signature, ct);
    }
}
