using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Drafting;

/// <summary>Who drafts the statement, with which role, and who has been asked to.</summary>
public sealed record ListMembers(string UserId, Guid StatementId) : IRequest<MembersView>;

public sealed class ListMembersHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ListMembers, MembersView>
{
    public async Task<MembersView> Handle(ListMembers request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.MembersOfAsync(statement, request.UserId, clock.GetUtcNow(), ct);
    }
}
