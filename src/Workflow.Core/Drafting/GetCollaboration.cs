using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Drafting;

/// <summary>What the link shows before it is accepted.</summary>
/// <param name="UserId">The signed-in account, if any: the view then says whether it may accept.</param>
public sealed record GetCollaboration(string Token, string? UserId = null) : IRequest<CollaborationView>;

public sealed class GetCollaborationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetCollaboration, CollaborationView>
{
    public async Task<CollaborationView> Handle(GetCollaboration request, CancellationToken ct)
    {
        var invitation = await db.FindCollaborationAsync(request.Token, ct);
        return await db.ViewOfAsync(invitation, request.UserId, clock.GetUtcNow(), ct);
    }
}
