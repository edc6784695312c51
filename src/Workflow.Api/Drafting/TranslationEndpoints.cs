using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Drafting;

namespace Workflow.Api.Drafting;

public sealed record SaveTranslationBody(string Title, string Body, int TranslatesVersion, int? BaseNumber, string? ChangeNote);

/// <summary>A statement's translations, each versioned on its own and linked to the primary version it translates.</summary>
public static class TranslationEndpoints
{
    public static void MapTranslationEndpoints(this IEndpointRouteBuilder app)
    {
        var translations = app.MapGroup("/api/statements/{id:guid}/translations").WithTags("Translations").RequireAuthorization();

        translations.MapGet("/", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListTranslations(user.Id(), id), ct));
        translations.MapGet("/{language}", (Guid id, string language, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetTranslation(user.Id(), id, language, null), ct));
        translations.MapGet("/{language}/versions/{number:int}", (Guid id, string language, int number, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetTranslation(user.Id(), id, language, number), ct));
        translations.MapPut("/{language}", (Guid id, string language, SaveTranslationBody body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new SaveTranslation(user.Id(), id, language, body.Title, body.Body, body.TranslatesVersion,
                body.BaseNumber, body.ChangeNote),
                saved => $"/api/statements/{id}/translations/{saved.Language}/versions/{saved.Number}", ct));
    }
}
