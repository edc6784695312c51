using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;

namespace Workflow.Core.Collaboration;

/// <summary>What the link shows before it is accepted.</summary>
/// <param name="UserId">The signed-in account, if any: the view then says whether it may accept.</param>
public sealed record GetCollaboration(string Token, string? UserId = null) : IRequest<CollaborationView>;

public sealed class GetCollaborationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetCollaboration, CollaborationView>
{
    public async Task<CollaborationView> Handle(GetCollaboration request, CancellationToken ct)
    {
        var invitation = await db.FindCollaborationAsync(request.Token, ct);
        var title = await db.Statements.Where(s => s.Id == invitation.StatementId).Select(s => s.Title).SingleAsync(ct);
        string? refusal = null;
        if (request.UserId is not null)
        {
            var account = await db.AccountOfAsync(request.UserId, ct);
            try { invitation.EnsureAcceptableBy(account?.Email, account?.EmailConfirmed ?? false); }
            catch (ForbiddenException e) { refusal = e.Message; }
        }
        return new CollaborationView(invitation.StatementId, title, invitation.Role.ToString(), invitation.StatusAt(clock.GetUtcNow()), invitation.ExpiresAt,
            invitation.MaskedEmail, request.UserId is null ? null : refusal is null, refusal);
    }
}
