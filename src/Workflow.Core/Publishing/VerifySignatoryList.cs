using System.Text.Json.Nodes;
using MediatR;
using Workflow.Core.Data;
using Workflow.Proof;

namespace Workflow.Core.Publishing;

/// <summary>
/// The server checks its own list against its own log, the way the standalone verifier does (the same code): useful to
/// see at once that the rows and the log agree, but it proves nothing against whoever runs the server. That takes a tree
/// head kept from earlier and a verifier of one's own (the command-line verifier, or the /verify page in one's browser).
/// </summary>
public sealed record VerifySignatoryList(string Slug) : IRequest<ListVerification>;

/// <param name="Holds">Every check holds: the list is exactly what the log records, and the log is the signed tree.</param>
public sealed record ListVerification(string Slug, string Title, bool Holds, int LogSize, JsonNode? TreeHead, string KeyId,
    IReadOnlyList<VerificationCheck> Checks);

public sealed class VerifySignatoryListHandler(WorkflowDb db, TreeHeadSigner signer)
    : IRequestHandler<VerifySignatoryList, ListVerification>
{
    public async Task<ListVerification> Handle(VerifySignatoryList request, CancellationToken ct)
    {
        var bundle = await db.ListProofAsync(request.Slug, ct);
        var report = ListProofVerifier.Verify(bundle.ToJsonString(), signer.PublicKeyPem);
        return new ListVerification(bundle["statement"]!["slug"]!.GetValue<string>(), bundle["statement"]!["title"]!.GetValue<string>(),
            report.AllHold, bundle["entries"]!.AsArray().Count, bundle["treeHead"]?.DeepClone(), signer.KeyId, report.Checks);
    }
}
