using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Organisations;

/// <summary>One directory record, with the records merged into it. A merged record's id still answers, with its own
/// data and <c>mergedIntoId</c>, so that old references can be followed. Contact e-mails only for a caller who may see them
/// (<see cref="ContactEmailVisibility"/>).</summary>
public sealed record GetOrganisation(string UserId, Guid Id) : IRequest<OrganisationRecord>;

public sealed class GetOrganisationHandler(WorkflowDb db) : IRequestHandler<GetOrganisation, OrganisationRecord>
{
    public Task<OrganisationRecord> Handle(GetOrganisation request, CancellationToken ct) =>
        db.OrganisationRecordAsync(request.UserId, request.Id, ct);
}
