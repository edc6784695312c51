using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="Token">The invitation link's token.</param>
public sealed record ReconfirmByInvitation(string Token, string TextHash) : IRequest<SignatureReceipt>;

public sealed class ReconfirmByInvitationValidator : AbstractValidator<ReconfirmByInvitation>
{
    public ReconfirmByInvitationValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed partial class ReconfirmationHandlers : IRequestHandler<ReconfirmByInvitation, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ReconfirmByInvitation request, CancellationToken ct)
    {
        var signature = await db.FindSignatureByTokenAsync(request.Token, "sign it instead", ct);
        return await ReconfirmAsync(signature, request.TextHash, null, ct);
    }
}
