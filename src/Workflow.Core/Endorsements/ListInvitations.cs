using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public sealed record ListInvitations(string UserId, Guid StatementId) : IRequest<IReadOnlyList<InvitationSummary>>;

public sealed class ListInvitationsHandler(WorkflowDb db, TimeProvider clock)
    : IRequestHandler<ListInvitations, IReadOnlyList<InvitationSummary>>
{
    public async Task<IReadOnlyList<InvitationSummary>> Handle(ListInvitations request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.InvitationSummariesAsync(statement, request.UserId, clock.GetUtcNow(), ct);
    }
}
