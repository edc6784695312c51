using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Publishing;

/// <summary>The published list with its signatories to be read once, in order, while the request lasts.</summary>
public sealed record ReadSignatoryList(string Slug) : IRequest<SignatoryListAsRead>;

public sealed class ReadSignatoryListHandler(WorkflowDb db) : IRequestHandler<ReadSignatoryList, SignatoryListAsRead>
{
    public async Task<SignatoryListAsRead> Handle(ReadSignatoryList request, CancellationToken ct) =>
        await db.SignatoryListAsReadOfAsync(await db.FindPublishedAsync(request.Slug, ct), ct);
}
