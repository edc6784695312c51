using System.Text.Json.Nodes;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Publishing;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>The same document for the drafters, for any signature of their statement.</summary>
public sealed record DownloadSignatureReceipt(string UserId, Guid StatementId, Guid SignatureId) : IRequest<JsonObject>;

public sealed partial class DownloadReceiptHandlers : IRequestHandler<DownloadSignatureReceipt, JsonObject>
{
    public async Task<JsonObject> Handle(DownloadSignatureReceipt request, CancellationToken ct)
    {
        await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var signature = await db.Signatures.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SignatureId
            && s.StatementId == request.StatementId, ct)
            ?? throw new NotFoundException("signature");
        return await db.ReceiptDocumentAsync(signature, ct) ?? throw new NotFoundException("receipt");
    }
}
