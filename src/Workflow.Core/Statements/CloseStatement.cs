using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record CloseStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class CloseStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<CloseStatement, StatementDetails>
{
    public Task<StatementDetails> Handle(CloseStatement request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s => s.Close(request.UserId, clock.GetUtcNow()), ct);
}
