using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Statements;

public sealed record GetStatement(string UserId, Guid StatementId) : IRequest<StatementDetails>;

public sealed class GetStatementHandler(WorkflowDb db) : IRequestHandler<GetStatement, StatementDetails>
{
    public async Task<StatementDetails> Handle(GetStatement request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.DetailsAsync(statement, ct) with { YourRole = statement.RoleOf(request.UserId)?.ToString() };
    }
}
