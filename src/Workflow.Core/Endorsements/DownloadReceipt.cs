using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Publishing;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// The signatory's receipt as a signed document to keep (<c>workflow-receipt/1</c>), through its invitation link or its
/// sign-on link: reading it changes nothing.
/// </summary>
public sealed record DownloadReceipt(string Token, bool SignOn = false) : IRequest<JsonObject>;

public sealed partial class DownloadReceiptHandlers(WorkflowDb db) : IRequestHandler<DownloadReceipt, JsonObject>
{
    public async Task<JsonObject> Handle(DownloadReceipt request, CancellationToken ct)
    {
        Guid? signatureId;
        if (request.SignOn) signatureId = (await db.FindSignOnByTokenAsync(request.Token, ct)).SignatureId;
        else
        {
            var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
            signatureId = invitation.SignatureId;
        }
        var signature = signatureId is { } id ? await db.Signatures.AsNoTracking().SingleAsync(s => s.Id == id, ct)
            : throw new NotFoundException("receipt");
        return await db.ReceiptDocumentAsync(signature, ct) ?? throw new NotFoundException("receipt");
    }
}
