using System.Security.Claims;
using MediatR;
using Microsoft.Extensions.Options;
using Workflow.Api.Hosting;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Infrastructure.Hosting;

namespace Workflow.Api.Endorsements;

/// <param name="HandOverLink">True to receive the signing link in the answer and hand it over yourself (the list will say so).</param>
/// <param name="PersonalMessage">Your own words to the organisation (plain text, at most 1000 characters), in every e-mail of this
/// invitation.</param>
public sealed record InviteBody(OrganisationDetails Organisation, string Email, DateTimeOffset? Deadline, string? Language,
    bool HandOverLink = false, string? PersonalMessage = null);
public sealed record ResendBody(bool HandOverLink = false);
public sealed record DeadlineBody(DateTimeOffset? Deadline);
public sealed record SignBody(string SignerName, string? SignerRole, string? TextHash, CorrectedName? NameAs);
public sealed record DeclineBody(string? Reason);
public sealed record WithdrawBody(string? Note);


/// <summary>The invitation made; the link and its token only when the drafter asked to hand it over (shown once: only the token's hash is
/// kept).</summary>
/// <param name="OrganisationMatched">True when the organisation was already in the directory rather than registered now.</param>
/// <param name="Held">The statement is a draft: the invitation is recorded, and e-mailed with its own link when the statement opens for
/// signature.</param>
public sealed record InvitationLink(Guid InvitationId, OrganisationView Organisation, string Email, string? Token, string? SigningLink,
    bool OrganisationMatched, bool Held);

public static class InvitationEndpoints
{
    public static void MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        // Drafters manage the invitations of their statements.
        var drafting = app.MapGroup("/api/statements/{id:guid}/invitations").WithTags("Invitations").RequireAuthorization();

        drafting.MapPost("/", async (Guid id, InviteBody body, ClaimsPrincipal user, IMediator mediator, IOptions<PublicSiteOptions> site,
            CancellationToken ct) =>
        {
            var created = await mediator.Send(new InviteOrganisation(user.Id(), id, body.Organisation, body.Email, body.Deadline,
                body.Language, body.HandOverLink, body.PersonalMessage), ct);
            return TypedResults.Created($"/api/statements/{id}/invitations/{created.InvitationId}", LinkTo(created, site.Value));
        });

        drafting.MapPost("/{invitationId:guid}/resend", async (Guid id, Guid invitationId, ResendBody? body, ClaimsPrincipal user,
            IMediator mediator, IOptions<PublicSiteOptions> site, CancellationToken ct) =>
            LinkTo(await mediator.Send(new ResendInvitation(user.Id(), id, invitationId, body?.HandOverLink ?? false), ct), site.Value));

        // Body: a CSV file (text/csv) with the header name,nameEnglish,acronym,country,email. 200 with a report per row.
        // ?handOverLinks=true: the answer carries every signing link, for the drafter to hand over.
        // ?personalMessage=…: your own words to every organisation invited (plain text, at most 1000 characters).
        drafting.MapPost("/bulk", async (Guid id, bool? handOverLinks, string? personalMessage, HttpRequest http, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
        {
            using var reader = new StreamReader(http.Body);
            return await mediator.Send(new BulkInvite(user.Id(), id, await reader.ReadToEndAsync(ct), handOverLinks ?? false,
                personalMessage), ct);
        }).Accepts<string>("text/csv");

        drafting.MapGet("/", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListInvitations(user.Id(), id), ct));

        drafting.MapGet("/{invitationId:guid}", (Guid id, Guid invitationId, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new GetInvitation(user.Id(), id, invitationId), ct));

        drafting.MapPost("/{invitationId:guid}/revoke", async (Guid id, Guid invitationId, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
        {
            await mediator.Send(new RevokeInvitation(user.Id(), id, invitationId), ct);
            return TypedResults.NoContent();
        });

        var campaign = app.MapGroup("/api/statements/{id:guid}").WithTags("Invitations").RequireAuthorization();

        campaign.MapGet("/campaign", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetCampaign(user.Id(), id), ct));

        // "Send a reminder to everyone still pending": 200 with how many were reminded and how many pending ones were left out.
        campaign.MapPost("/invitations/remind-pending", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RemindPendingInvitations(user.Id(), id), ct));

        campaign.MapPut("/deadline", (Guid id, DeadlineBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SetSignatureDeadline(user.Id(), id, body.Deadline), ct));

        // The invited organisation needs no account: the token in its link is its credential.
        var invited = app.MapGroup("/api/invitations/{token}").WithTags("Signing").AllowAnonymous().RequireRateLimiting(Overload.Signing);

        // What the page shows on opening the link, for clients of the API: the first opening is recorded for the campaign.
        invited.MapGet("/", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new OpenInvitation(token), ct));

        invited.MapPost("/sign", async (string token, SignBody body, IMediator mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(new SignInvitation(token, body.SignerName, body.SignerRole, body.TextHash, body.NameAs), ct);
            return result.Created
                ? Results.Created($"/api/invitations/{token}", result.Receipt)
                : Results.Ok(result.Receipt);
        });

        invited.MapGet("/receipt", async (string token, HttpContext http, IMediator mediator, CancellationToken ct) =>
            Receipts.Download(http, await mediator.Send(new DownloadReceipt(token), ct)));

        invited.MapPost("/withdraw", (string token, WithdrawBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new WithdrawSignature(token, body?.Note), ct));

        invited.MapPost("/reconfirm", (string token, ReconfirmBody body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ReconfirmByInvitation(token, body.TextHash), ct));

        invited.MapPost("/decline", (string token, DeclineBody? body, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new DeclineInvitation(token, body?.Reason), ct));
    }

    private static InvitationLink LinkTo(InvitationCreated created, PublicSiteOptions site) =>
        new(created.InvitationId, created.Organisation, created.Email, created.Token,
            created.Token is null ? null : site.Link($"/sign/{created.Token}"),
            created.OrganisationMatched, created.Held);
}

/// <summary>A receipt document, offered as a file to keep.</summary>
public static class Receipts
{
    public static IResult Download(HttpContext http, System.Text.Json.Nodes.JsonObject receipt)
    {
        http.Response.Headers.ContentDisposition = "attachment; filename=\"signature-receipt.json\"";
        return TypedResults.Text(receipt.ToJsonString(), "application/json; charset=utf-8");
    }
}
