using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Api.Endorsements;

/// <param name="SignedAtUnknown">Nobody knows when the organisation signed: the signature is recorded undated, not dated today.</param>
/// <param name="Note">How the signature was gathered; shown on the public list as the drafters' note.</param>
/// <param name="Source">The published source, when the signature is imported from one; cited on the public list.</param>
public sealed record RecordSignatureBody(OrganisationDetails Organisation, string? SignerName, string? SignerRole, DateTimeOffset? SignedAt,
    bool SignedAtUnknown = false, string? Note = null, string? Source = null);
public sealed record InvalidateBody(InvalidationReason? Reason, string? Note);
public sealed record CorrectNameBody(string Name, string? NameEnglish, string? Acronym);
public sealed record ReconfirmBody(string TextHash);

/// <summary>Drafters keep the list honest: signatures are recorded, invalidated or their names corrected, never deleted.</summary>
public static class SignatureEndpoints
{
    public static void MapSignatureEndpoints(this IEndpointRouteBuilder app)
    {
        var signatures = app.MapGroup("/api/statements/{id:guid}/signatures").WithTags("Signatures").RequireAuthorization();

        signatures.MapGet("/", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListSignatures(user.Id(), id), ct));

        signatures.MapGet("/{signatureId:guid}", async (Guid id, Guid signatureId, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            (await mediator.Send(new ListSignatures(user.Id(), id, signatureId), ct)).SingleOrDefault()
            ?? throw new NotFoundException("signature"));

        signatures.MapGet("/{signatureId:guid}/receipt", async (Guid id, Guid signatureId, HttpContext http, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) => Receipts.Download(http,
            await mediator.Send(new DownloadSignatureReceipt(user.Id(), id, signatureId), ct)));

        signatures.MapPost("/", (Guid id, RecordSignatureBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new RecordSignature(user.Id(), id, body.Organisation, body.SignerName, body.SignerRole,
                body.SignedAt, body.SignedAtUnknown, body.Note, body.Source),
                receipt => $"/api/statements/{id}/signatures/{receipt.SignatureId}", ct));

        signatures.MapPost("/{signatureId:guid}/invalidate", (Guid id, Guid signatureId, InvalidateBody body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new InvalidateSignature(user.Id(), id, signatureId, body.Reason, body.Note), ct));

        signatures.MapPost("/{signatureId:guid}/reconfirm", (Guid id, Guid signatureId, ReconfirmBody body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReconfirmSignature(user.Id(), id, signatureId, body.TextHash), ct));

        signatures.MapPut("/{signatureId:guid}/displayed-name", (Guid id, Guid signatureId, CorrectNameBody body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new CorrectSignatoryName(user.Id(), id, signatureId, body.Name, body.NameEnglish, body.Acronym), ct));
    }
}
