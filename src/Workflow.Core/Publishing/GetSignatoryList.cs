using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Publishing;

public sealed record GetSignatoryList(string Slug) : IRequest<SignatoryList>;

public sealed class GetSignatoryListHandler(WorkflowDb db) : IRequestHandler<GetSignatoryList, SignatoryList>
{
    public async Task<SignatoryList> Handle(GetSignatoryList request, CancellationToken ct) =>
        await db.SignatoryListOfAsync(await db.FindPublishedAsync(request.Slug, ct), ct);
}
