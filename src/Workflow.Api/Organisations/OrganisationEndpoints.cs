using MediatR;
using Workflow.Core.Organisations;

namespace Workflow.Api.Organisations;

public static class OrganisationEndpoints
{
    /// <summary>The organisation directory, for signed-in drafters.</summary>
    public static void MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/organisations").WithTags("Organisations").RequireAuthorization();

        organisations.MapGet("/", (string? q, string? country, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new SearchOrganisations(q ?? "", country), ct));
    }
}
