using System.Security.Claims;
using System.Threading.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workflow.Api.Hosting;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.SignOn;

namespace Workflow.Api.SignOn;

public sealed record SignOnBody(OrganisationDetails Organisation, string Email, string SignerName, string? SignerRole, string TextHash, string? Language);
public sealed record ApproveSignOnBody(Guid? OrganisationId, bool RegisterAsNew = false);
public sealed record RejectSignOnBody(string? Reason);
public sealed record OpenSignOnBody(bool Enabled);

/// <summary>Open sign-on: a public form for organisations that were not invited, e-mail confirmation, and the drafters' moderation queue.</summary>
public static class SignOnEndpoints
{
    public const string RateLimitPolicy = "open-sign-on";

    public static void MapSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/api/public/statements/{slug}/sign-on").WithTags("Open sign-on").AllowAnonymous();
        form.MapGet("/", (string slug, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSignOnForm(slug), ct));
        form.MapPost("/", async (string slug, SignOnBody body, IMediator mediator, CancellationToken ct) =>
        {
            var receipt = await mediator.Send(new SubmitSignOn(slug, body.Organisation, body.Email, body.SignerName, body.SignerRole, body.TextHash, body.Language), ct);
            return TypedResults.Accepted((string?)null, receipt);
        }).RequireRateLimiting(RateLimitPolicy);

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
        queue.MapPost("/sign-ons/{signOnId:guid}/approve", (Guid id, Guid signOnId, ApproveSignOnBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ApproveSignOn(user.Id(), id, signOnId, body?.OrganisationId, body?.RegisterAsNew ?? false), ct));
        queue.MapPost("/sign-ons/{signOnId:guid}/reject", (Guid id, Guid signOnId, RejectSignOnBody? body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RejectSignOn(user.Id(), id, signOnId, body?.Reason), ct));
    }

    /// <summary>
    /// The public form's limit per client address, in each instance's memory. Behind a reverse proxy, set
    /// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so that the address is the client's, not the proxy's.
    /// </summary>
    public static IServiceCollection AddSignOnRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                // Reading the form is free; the page and the API share the limit on submitting it.
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var perHour = http.RequestServices.GetRequiredService<IOptions<OpenSignOnOptions>>().Value.PerClientAddressPerHour;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                        Detail = "Too many sign-ons from your network address in the last hour. Please try again later.",
                    },
                });
            };
        });
        return services;
    }
}
