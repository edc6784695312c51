using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Organisations;

namespace Workflow.Api.Organisations;

public sealed record AddOrganisationBody(OrganisationDetails Organisation, IReadOnlyList<string>? ContactEmails);

public sealed record MergeBody(Guid DuplicateId);

public static class OrganisationEndpoints
{
    /// <summary>The organisation directory, shared by all signed-in drafters.</summary>
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization();

        organisations.MapGet("/", (string? q, string? country, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SearchOrganisations(user.Id(), q ?? "", country), ct));

        organisations.MapGet("/matches", (string? name, string? nameEnglish, string? acronym, string? country, string? website,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new FindOrganisationMatches(new OrganisationDetails(name ?? "", nameEnglish, acronym, country, website)), ct));

        organisations.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetOrganisation(user.Id(), id), ct));

        organisations.MapPost("/", (AddOrganisationBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new AddOrganisation(user.Id(), body.Organisation, body.ContactEmails),
                added => $"/api/organisations/{added.Id}", ct));

        organisations.MapPost("/{id:guid}/merge", (Guid id, MergeBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new MergeOrganisations(user.Id(), id, body.DuplicateId), ct));
    }
}
