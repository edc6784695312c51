using FluentValidation;
using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>An owner changes a member's role. The last owner cannot stop being one.</summary>
public sealed record ChangeMemberRole(string UserId, Guid StatementId, string MemberId, StatementRole? Role) : IRequest<MembersView>;

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator() => RuleFor(r => r.Role).NotNull().IsInEnum();
}

public sealed class ChangeMemberRoleHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ChangeMemberRole, MembersView>
{
    public async Task<MembersView> Handle(ChangeMemberRole request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Owner, ct);
        var now = clock.GetUtcNow();
        statement.ChangeRole(request.MemberId, request.Role!.Value, request.UserId, now);
        await db.SaveChangesAsync(ct);
        return await db.MembersOfAsync(statement, request.UserId, now, ct);
    }
}
