using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Drafting;

/// <summary>
/// The person the link was sent to, signed in with the account of that address (confirmed), becomes a member with the
/// role the owner chose; any other account is refused (403) and told which address is needed, masked.
/// </summary>
public sealed record AcceptCollaboration(string Token, string UserId) : IRequest<CollaborationView>;

public sealed class AcceptCollaborationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<AcceptCollaboration, CollaborationView>
{
    public async Task<CollaborationView> Handle(AcceptCollaboration request, CancellationToken ct)
    {
        var invitation = await db.FindCollaborationAsync(request.Token, ct);
        var statement = await db.Statements.Include(s => s.Members).SingleAsync(s => s.Id == invitation.StatementId, ct);
        var account = await db.AccountOfAsync(request.UserId, ct);
        var now = clock.GetUtcNow();
        invitation.Accept(statement, request.UserId, account?.Email, account?.EmailConfirmed ?? false, now);
        await db.SaveChangesAsync(ct);
        return await db.ViewOfAsync(invitation, request.UserId, now, ct);
    }
}
