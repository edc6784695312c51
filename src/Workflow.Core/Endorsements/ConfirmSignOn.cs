using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>The signer confirms through the link sent to the organisation's address; then the drafters moderate it.</summary>
public sealed record ConfirmSignOn(string Token) : IRequest<SignOnStatus>;

public sealed class ConfirmSignOnHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ConfirmSignOn, SignOnStatus>
{
    public async Task<SignOnStatus> Handle(ConfirmSignOn request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var entry = await db.FindSignOnByTokenAsync(request.Token, ct);
        entry.Confirm(now);
        await db.SaveChangesAsync(ct);
        return await db.StatusAsync(entry, now, ct);
    }
}
