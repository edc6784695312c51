using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;

namespace Workflow.Api.Endorsements;

public sealed record SignOnBody(OrganisationDetails Organisation, string Email, string SignerName, string? SignerRole, string TextHash,
    string? Language);
public sealed record ApproveSignOnBody(Guid? OrganisationId, bool RegisterAsNew = false);
public sealed record RejectSignOnBody(string? Reason);
public sealed record OpenSignOnBody(bool Enabled);

/// <summary>Open sign-on: a public form for organisations that were not invited, e-mail confirmation, and the drafters' moderation
/// queue.</summary>
public static class SignOnEndpoints
{
    public static void MapSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/api/public/statements/{slug}/sign-on").WithTags("Open sign-on").AllowAnonymous();
        form.MapGet("/", (string slug, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSignOnForm(slug), ct));
        form.MapPost("/", async (string slug, SignOnBody body, IMediator mediator, CancellationToken ct) =>
        {
            var receipt = await mediator.Send(new SubmitSignOn(slug, body.Organisation, body.Email, body.SignerName, body.SignerRole,
                body.TextHash, body.Language), ct);
            return TypedResults.Accepted((string?)null, receipt);
        }).WithMetadata(new SignOnSubmissionAttribute()).RequireRateLimiting(Overload.SignOn);

        var link = app.MapGroup("/api/public/sign-ons/{token}").WithTags("Open sign-on").AllowAnonymous();
        link.MapGet("/", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSignOnByToken(token), ct));
        link.MapGet("/receipt", async (string token, HttpContext http, IMediator mediator, CancellationToken ct) =>
            Endorsements.Receipts.Download(http, await mediator.Send(new DownloadReceipt(token, SignOn: true), ct)));
        link.MapPost("/confirm", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new ConfirmSignOn(token), ct));
        // After the text changed: the signatory confirms the new text, or withdraws.
        link.MapPost("/reconfirm", (string token, Endorsements.ReconfirmBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReconfirmBySignOn(token, body.TextHash), ct));
        link.MapPost("/withdraw", (string token, Endorsements.WithdrawBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new WithdrawBySignOn(token, body?.Note), ct));

        var queue = app.MapGroup("/api/statements/{id:guid}").WithTags("Open sign-on").RequireAuthorization();
        queue.MapPut("/open-sign-on", (Guid id, OpenSignOnBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SetOpenSignOn(user.Id(), id, body.Enabled), ct));
        queue.MapGet("/sign-ons", (Guid id, SignOnState? state, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListSignOns(user.Id(), id, state), ct));
        queue.MapPost("/sign-ons/{signOnId:guid}/approve", (Guid id, Guid signOnId, ApproveSignOnBody? body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ApproveSignOn(user.Id(), id, signOnId, body?.OrganisationId, body?.RegisterAsNew ?? false), ct));
        queue.MapPost("/sign-ons/{signOnId:guid}/reject", (Guid id, Guid signOnId, RejectSignOnBody? body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RejectSignOn(user.Id(), id, signOnId, body?.Reason), ct));
    }
}
