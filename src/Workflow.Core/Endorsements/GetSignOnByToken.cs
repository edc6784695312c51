using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>What the confirmation link shows before the signer confirms.</summary>
public sealed record GetSignOnByToken(string Token) : IRequest<SignOnStatus>;

public sealed class GetSignOnByTokenHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetSignOnByToken, SignOnStatus>
{
    public async Task<SignOnStatus> Handle(GetSignOnByToken request, CancellationToken ct)
    {
        var entry = await db.FindSignOnByTokenAsync(request.Token, ct);
        return await db.StatusAsync(entry, clock.GetUtcNow(), ct);
    }
}
