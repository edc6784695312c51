using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record WithdrawStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class WithdrawStatementHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<WithdrawStatement, StatementDetails>
{
    public Task<StatementDetails> Handle(WithdrawStatement request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s => s.Withdraw(request.UserId, clock.GetUtcNow()), ct);
}
