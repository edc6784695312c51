using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>Drafters open or close the public sign-on form of their statement.</summary>
public sealed record SetOpenSignOn(string UserId, Guid StatementId, bool Enabled) : IRequest<StatementDetails>;

public sealed class SetOpenSignOnHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SetOpenSignOn, StatementDetails>
{
    public Task<StatementDetails> Handle(SetOpenSignOn request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId, s =>
            s.SetOpenSignOn(request.Enabled, request.UserId, clock.GetUtcNow()), ct);
}
