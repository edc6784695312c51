using System.Text.Json.Nodes;
using MediatR;
using Workflow.Core.Data;

namespace Workflow.Core.Publishing;

/// <summary>
/// A published statement's list with everything needed to check it without trusting the server: the list as the public
/// sees it, every entry of its signatory log and the latest signed tree head (format <c>workflow-signatory-list-proof/1</c>).
/// </summary>
public sealed record GetListProof(string Slug) : IRequest<JsonObject>;

public sealed class GetListProofHandler(WorkflowDb db) : IRequestHandler<GetListProof, JsonObject>
{
    public async Task<JsonObject> Handle(GetListProof request, CancellationToken ct) => await db.ListProofAsync(request.Slug, ct);
}
