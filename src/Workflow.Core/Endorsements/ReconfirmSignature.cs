using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// An owner records that a signatory confirmed the new text by other means: only for a signature the drafters recorded or
/// imported, which has no link. One the organisation gave itself is its own to confirm.
/// </summary>
public sealed record ReconfirmSignature(string UserId, Guid StatementId, Guid SignatureId, string TextHash) : IRequest<SignatureReceipt>;

public sealed class ReconfirmSignatureValidator : AbstractValidator<ReconfirmSignature>
{
    public ReconfirmSignatureValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed partial class ReconfirmationHandlers : IRequestHandler<ReconfirmSignature, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ReconfirmSignature request, CancellationToken ct)
    {
        var signature = await db.LoadSignatureForDraftingAsync(request.StatementId, request.SignatureId, request.UserId, ct);
        if (!signature.MayBeConfirmedByDrafters)
            throw new ConflictException("This organisation signed through its own link: only it can confirm the new text, through " +
                "that link.");
        return await ReconfirmAsync(signature, request.TextHash, request.UserId, ct);
    }
}
