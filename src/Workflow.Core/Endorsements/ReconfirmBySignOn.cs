using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="Token">The sign-on link's token.</param>
public sealed record ReconfirmBySignOn(string Token, string TextHash) : IRequest<SignatureReceipt>;

public sealed class ReconfirmBySignOnValidator : AbstractValidator<ReconfirmBySignOn>
{
    public ReconfirmBySignOnValidator() => RuleFor(r => r.TextHash).IsTextHash();
}

public sealed partial class ReconfirmationHandlers : IRequestHandler<ReconfirmBySignOn, SignatureReceipt>
{
    public async Task<SignatureReceipt> Handle(ReconfirmBySignOn request, CancellationToken ct) =>
        await ReconfirmAsync(await SignatureOfSignOnAsync(request.Token, ct), request.TextHash, null, ct);
}
