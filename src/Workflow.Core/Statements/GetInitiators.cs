using MediatR;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Statements;

public sealed record GetInitiators(string UserId, Guid StatementId) : IRequest<IReadOnlyList<OrganisationView>>;

public sealed class GetInitiatorsHandler(WorkflowDb db) : IRequestHandler<GetInitiators, IReadOnlyList<OrganisationView>>
{
    public async Task<IReadOnlyList<OrganisationView>> Handle(GetInitiators request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        return await db.InitiatorsOfAsync(statement, ct);
    }
}
