using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

public sealed record GetInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<InvitationSummary>;

public sealed class GetInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetInvitation, InvitationSummary>
{
    public async Task<InvitationSummary> Handle(GetInvitation request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return (await db.InvitationSummariesAsync(statement, request.UserId, clock.GetUtcNow(), ct, request.InvitationId)).SingleOrDefault()
            ?? throw new NotFoundException("invitation");
    }
}
