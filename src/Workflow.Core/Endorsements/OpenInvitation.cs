using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>The invited organisation opens its link: the first opening is recorded for the campaign dashboard, and it sees the
/// invitation.</summary>
public sealed record OpenInvitation(string Token) : IRequest<InvitationView>;

public sealed class OpenInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<OpenInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(OpenInvitation request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        invitation.MarkOpened(now);
        await db.SaveChangesAsync(ct);
        return await db.ViewOfAsync(invitation, now, ct);
    }
}
