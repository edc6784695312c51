using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>An owner removes a member, or a member leaves. The last owner cannot be removed.</summary>
public sealed record RemoveMember(string UserId, Guid StatementId, string MemberId) : IRequest<Unit>;

public sealed class RemoveMemberHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RemoveMember, Unit>
{
    public async Task<Unit> Handle(RemoveMember request, CancellationToken ct)
    {
        var leaving = request.MemberId == request.UserId;
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, leaving ? StatementRole.Viewer
            : StatementRole.Owner, ct);
        statement.RemoveMember(request.MemberId, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
